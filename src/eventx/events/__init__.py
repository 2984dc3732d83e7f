"""Stage 5, events: a match with its coded parts becomes a draft (drafts.py),
kept only in scope (scope.py), settled by its document (context.py),
clustered with other mentions of the same event (identity.py), scored
(confidence.py) and built into records (build.py)."""
