"""Coverage of the CAMEO verb dictionary by eventx's rule packs: docs/cameo-coverage.md.

Reads the PETRARCH2 CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT licence, under
``../shared/knowledge/petrarch2/``), keeps every verb and phrase pattern whose code
belongs to one of eventx's types (040-046, 057, 0871, 062, 150-154, 196), and
checks each against the rule packs in ``models/rules/*.json``:

* "covered": a rule of the row's eventx type matches the phrase, read as a small
  dependency tree (verb, object, prepositional phrases, noun modifiers), with its
  ``$LIST`` references resolved;
* "partly": the verb is a trigger of a rule of that type but the phrase's noun or
  construction is not, or the noun is but the verb or construction is not;
* "not covered": neither.

These three are automatic (lemma and construction match).  Every row that is
not covered gets a proposal from ``DECISIONS`` below, an editable table of
judgements: "to add" (a construction eventx should cover, with its trigger
lemma and rule class) or "excluded" (with a reason grounded in GUIDELINES.md).

Run from the repository root (standard library only, no spaCy):

    python scripts/cameo_coverage.py [--knowledge DIR] [--out docs/cameo-coverage.md]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CAMEO_FILE = Path("petrarch2") / "CAMEO.2.0.txt"

# ---------------------------------------------------------------------------
# Scope: the CAMEO codes of eventx's types (cross-checked against types.json).
# A pattern is in scope when any part of its code ("042:043" has two) starts
# with one of these; the row goes under the first such part.

FAMILIES: dict[str, tuple[str, str]] = {
    "040": ("meeting_held", "Consult, not specified below"),
    "041": ("meeting_held", "Discuss by telephone"),
    "042": ("meeting_held", "Make a visit"),
    "043": ("meeting_held", "Host a visit"),
    "044": ("meeting_held", "Meet at a 'third' location"),
    "045": ("meeting_held", "Mediate"),
    "046": ("meeting_held", "Engage in negotiation"),
    "057": ("agreement_signed", "Sign formal agreement"),
    "0871": ("agreement_signed", "Declare truce, ceasefire"),
    "062": ("military_exercise", "Cooperate militarily"),
    "150": ("military_exercise", "Demonstrate military or police power, not specified"),
    "151": ("military_exercise", "Increase police alert status"),
    "152": ("military_exercise", "Increase military alert status"),
    "153": ("military_exercise", "Mobilize or increase police power"),
    "154": ("military_exercise", "Mobilize or increase armed forces"),
    "196": ("ceasefire_violation", "Violate ceasefire"),
}

# ---------------------------------------------------------------------------
# Judgements: what to do with a row that no rule covers, or covers only in part.
# Edit DECISIONS_TABLE below; it never changes the automatic status.  The first
# entry that matches a row wins: by CAMEO code prefix ("04" = 040-046), verb and
# pattern word.  "to add" proposes a construction eventx should cover (rule
# class in brackets, trigger lemmas, word list); "excluded" gives the reason,
# grounded in GUIDELINES.md (../shared/gold/GUIDELINES.md), quoted here:

GUIDELINES = {
    "G_UNILATERAL": "GUIDELINES: 'A unilateral declaration (a ceasefire declared by one side) "
    "is not an agreement'",
    "G_TWO_PARTIES": "GUIDELINES: 'A meeting needs at least two distinct political parties'",
    "G_MODES": "GUIDELINES: meeting_held is 'in person, virtual or by phone'",
    "G_OCCURRENCE": "GUIDELINES v1.1 'Occurrences, not topics'",
    "G_EXERCISE": "GUIDELINES: military_exercise is 'a military exercise, drill, war game or "
    "manoeuvres'; no such word here",
    "G_VIOLATION": "GUIDELINES: a violation 'must be framed as such (violated, breached, broke, "
    "defied ...)'; 'fighting that is merely reported is not one'",
    "G_FUTURE": "GUIDELINES: planned events are 'future', not asserted",
}

# One entry: a header line (it may run over several unindented lines)
#     code prefixes | verbs | pattern words | to add / excluded
# and its text on the indented lines below.  "*" is any; verbs are lemmas, or
# phrasal verbs with "_" ("leave_behind"); pattern words match their plurals
# too, &SETs by name; {G_...} inserts a quotation from GUIDELINES above.  A
# "to add" text starts with its rule class in brackets.
DECISIONS_TABLE = """
196 | abandon call_off cancel | * | excluded
    ending or calling off a ceasefire is not violating it; GUIDELINES: a ceasefire that
    'broke down or collapsed is not by itself a violation'
196 | * | * | excluded
    killing or attacking after a ceasefire; {G_VIOLATION}
0871 | observe | * | excluded
    observing a ceasefire is keeping it, not the agreement that made it
0871 | declare | * | excluded
    {G_UNILATERAL}
0871 | * | * | excluded
    one side halting, ending or holding its fire, no agreement named; {G_UNILATERAL}
057 | * | law | excluded
    a law is one state's act, not an agreement between parties (GUIDELINES: 'a formal
    agreement, treaty, accord, deal, pact, MoU, contract')
057 | * | &SOLUTION | excluded
    adopting a solution is support for a position (CAMEO 05x), no document is concluded
057 | * | aggrement memoradum | excluded
    misspelt in CAMEO (AGGREMENT, MEMORADUM); the right spellings are covered
057 | enter join | &TREATY | to add
    [verb + agreement noun] 'join' / 'enter' + AGREEMENT as object ('joined the treaty'
    = accession): add 'join' to BRING_ABOUT and 'enter' with a direct object, as
    single_party_verbs like 'accede'
062 15 | * | dogfight mock | to add
    [modifier + attack noun as exercise noun] 'mock' (or 'simulated') +
    attack/raid/dogfight/target: a simulated attack is a drill; add to
    exercise.military_noun as EXERCISE-like nouns with a required 'mock' modifier
    (stage, hold already in HOLD)
062 | invoke reach sign | &TREATY deal | excluded
    a defence treaty or arms deal is an agreement (signing one is agreement_signed,
    invoking one is neither), not an exercise; {G_EXERCISE}
062 | approve arm attire buy equip furnish gear import outfit purchase render sell stock
tender | * | excluded
    arms transfers and equipment (CAMEO military aid) are not an exercise; {G_EXERCISE}
062 | * | operation operations patrols training | excluded
    joint training, operations or patrols are not in GUIDELINES' list ('training
    exercise' is covered); {G_EXERCISE}
062 | * | * | excluded
    military cooperation (bases, backing, deployments, fighting alongside, relations)
    without an exercise word; {G_EXERCISE}
15 | * | manoeuvers | to add
    [spelling] 'manoeuver(s)' (CAMEO's spelling) is missing from EXERCISE; add it and
    'manoeuver' next to 'manoeuvre', 'maneuver' (exercise.held_by_forces)
15 | fire | exercise | to add
    [exercise noun without modifier] weapons fired 'on/during an exercise': a bare
    'exercise' as object of 'on/during/in' with a weapon or military subject in the
    clause (exercise.military_noun needs a modifier or a name today)
15 | fire | * | excluded
    a weapons test is not an exercise; {G_EXERCISE}
151 152 | * | * | excluded
    posture (alert status, security measures, a show of tanks or aircraft) is not an
    exercise; {G_EXERCISE}
153 154 | * | * | excluded
    mobilising, deploying, moving or reinforcing forces, or preparing an attack, is not
    an exercise; {G_EXERCISE}
150 | circle comb guard overfly parade patrol remain surround sweep | * | excluded
    a patrol, overflight, parade or sweep is an operation or a show of force;
    {G_EXERCISE}
150 | * | * | excluded
    a show of force, security measure, fortification or mobilisation; {G_EXERCISE}
045 | broker | &CEASEFIRE | excluded
    a brokered ceasefire is coded agreement_signed by eventx (GUIDELINES: 'brokered a
    deal'); the broker is a go-between (go_between_verbs), not a meeting party
045 | broker | * | excluded
    brokering is coded through what is brokered: the deal (agreement_signed,
    go_between_verbs) or the talks (meeting.talks)
045 | mediate | * | to add
    [verb-only meeting trigger] 'mediate' (+ 'between' X and Y): the mediator and the
    parties meet (meeting.meet_verb class, mediator as third party)
045 | * | &MEDIATION | excluded
    mediation names a process; {G_OCCURRENCE} cites 'opposed to mediation in peace
    negotiations' as a topic; the talks it leads to are covered
045 | * | * | excluded
    a mediator's role, arrival, mission or message, not a meeting of the parties;
    {G_TWO_PARTIES}
04 | intend plan schedule | * | excluded
    {G_FUTURE}
04 | ask_for elicit invite reinvite | * | excluded
    an invitation or request is a proposal ('invite' is a future verb in modality.json);
    {G_FUTURE}
04 | * | letter message messages | excluded
    a letter or message is communication at a distance, not a meeting; {G_MODES}
04 | apprise apprize cable communicate communicate_with give_notice notify promulgate
send | * | excluded
    notifying or sending word is communication at a distance, not a meeting; {G_MODES}
04 | * | congress session | excluded
    a body's own session is not a meeting of parties; GUIDELINES: 'a cabinet meeting, a
    party congress or a press conference is not one'
04 | debate | * | excluded
    a debate is held inside one body; GUIDELINES: 'a cabinet meeting, a party congress
    ... is not one'
04 | * | debate | excluded
    a debate is held inside one body; GUIDELINES: 'a cabinet meeting, a party congress
    ... is not one'
04 | * | press | excluded
    a call to the press is a statement; GUIDELINES: 'a press conference is not one'
04 | * | pilgrimage tour | to add
    [event noun] 'tour' (and 'pilgrimage') as WEAK_MEETING_NOUN, mode visit: 'began a
    tour of Asia', 'kicked off his tour'; meeting.noun_weak (needs a party)
04 | journey tour touring | * | to add
    [visit verb] 'tour' in VISIT ('toured the region', meeting.visit_verb with a place
    object) and 'journey' in TRAVEL (meeting.travel_to)
04 | depart head leave set | for | to add
    [travel verb + 'for' + place] 'left/departed/set off/headed for Moscow': add
    'leave', 'depart', 'set off' to TRAVEL, with 'for' in TO_IN for them only
    (meeting.travel_to, which already requires an official); leaving a place alone is no
    visit
04 | depart leave | * | to add
    [travel verb + 'for' + place] 'left/departed/set off/headed for Moscow': add
    'leave', 'depart', 'set off' to TRAVEL, with 'for' in TO_IN for them only
    (meeting.travel_to, which already requires an official); leaving a place alone is no
    visit
04 | come | * | to add
    [travel verb] 'come' in TRAVEL ('came to Beijing'; already a journey verb in
    modality.json) for meeting.travel_to
04 | arrive dock head order return rush seek set | * | excluded
    a movement (hurrying, docking, returning, recalling) without a meeting reported;
    {G_TWO_PARTIES}
04 | egress embark go_away go_forth leave_behind pull_out walk_out | * | excluded
    leaving or setting out is not a visit; 'embark on a visit/tour' is covered by the
    noun; {G_TWO_PARTIES}
04 | convene get_together haggle huddle reconvene | * | to add
    [verb-only meeting trigger] 'convene', 'reconvene', 'huddle' (with), 'get together',
    'haggle' in MEET (meeting.meet_verb, min_parties 2)
04 | converse | * | to add
    [talk verb + 'with'] 'converse' in TALK (meeting.talk_with)
04 | summon | * | to add
    [host verb + official] 'summon' + ambassador/envoy: the summoning ministry and the
    envoy's state meet (CAMEO 040); a judgement call, check it against the dev set
04 | call contact phone telephone | * | to add
    [phone verb] 'phone', 'telephone' (and 'call', 'contact' with a person object or 'by
    telephone') as verb triggers with mode phone; 'call for/on' stays an appeal
04 | discuss talk | telephone | to add
    [phone phrase] 'by/over (the) telephone/phone', 'in a call' on a talk verb sets mode
    phone (meeting.talk_with / meeting.discuss take no mode today)
04 | talk | between | to add
    [talk verb + partner] 'between' as partner preposition of meeting.talk_with
04 | receive | call | to add
    [call noun + partner] 'received a call from X': 'from' next to 'with' in
    meeting.call_with
04 | make | call stop | to add
    [light verb + event noun] 'make/pay a (courtesy) call', 'make a (brief) stop':
    'stop' and 'courtesy call' as WEAK_MEETING_NOUN, mode visit
04 | receive | welcome | to add
    [light verb + event noun] 'received a warm welcome' (subject = visitor): 'welcome'
    as WEAK_MEETING_NOUN, mode visit
04 | receive welcome | * | to add
    [host verb + official] 'receive'/'welcome' + an official's title (ambassador, envoy,
    minister, leader, counterpart): meeting.host_verb wants a PERSON/NORP/GPE object;
    allow a title head (sectors.json GOV/MIL words); add 'welcome' to HOST for a person
    object only ('welcomed the decision' stays hypothetical)
04 | host | by | to add
    [passive host] 'was hosted by X': meeting.host_verb with nsubjpass + agent
04 | * | dinner lunch reception | to add
    [event noun] meals and receptions ('hosted a dinner for', 'exchanged views over
    lunch', 'gave a reception'): 'dinner', 'lunch', 'banquet', 'reception' as
    WEAK_MEETING_NOUN (needs a party)
04 | hold | table | to add
    [event noun] 'round table' / 'roundtable' in MEETING_NOUN (multilateral)
04 | * | seminar workshop | to add
    [event noun] 'seminar', 'workshop' as WEAK_MEETING_NOUN (needs a party: a 'joint
    seminar' of two states)
04 | attend | * | to add
    [participation verb + named event] 'attended the G20 / the Shangri-La Dialogue':
    'attend' + a named event object (ORG/EVENT) when no meeting noun is there
04 | exchange | * | excluded
    exchanging views, ideas or messages is what a meeting holds, not the meeting;
    {G_OCCURRENCE}
04 | visit | * | excluded
    visiting a place (a hospital) is no meeting; {G_TWO_PARTIES}
04 | consider contemplate excogitate find_out hear learn meditate mull muse ponder reason
reconsider ruminate speculate think weigh | * | excluded
    thinking, weighing or learning is no interaction; {G_TWO_PARTIES}
04 | amass assemble cluster conglomerate congregate conjoin constellate converge flock
gather join unite | * | excluded
    crowds or forces gathering or merging; a meeting noun with them is covered;
    {G_TWO_PARTIES}
04 | approach brave confront encounter face interact run_into | * | excluded
    confronting or approaching someone is not a meeting (CAMEO codes confrontation and
    appeals elsewhere); {G_TWO_PARTIES}
04 | acquaint innovate insert introduce | * | excluded
    introducing something is no meeting; {G_TWO_PARTIES}
04 | continue | talking | excluded
    'continued talking' has no partner; meeting.talk_with needs one ({G_TWO_PARTIES})
04 | * | * | excluded
    a topic, outcome or speech act (raising concerns, reviewing issues, reducing
    tension, establishing contact, a programme, final touches), not a meeting held;
    {G_OCCURRENCE}
"""

# Judgement notes on rows that ARE covered, where GUIDELINES questions the match
# or the lemma match is accidental; same format, status "review".
CAVEATS_TABLE = """
0871 | announce | &CEASEFIRE | review
    'announce' is in BRING_ABOUT, so one side's announced ceasefire becomes an
    agreement; {G_UNILATERAL}
04 | send_word | * | review
    lemma match only: 'sent word to X' is a message; meeting.sent_to keeps it narrow
    with requires_official
04 | go_away go_forth | * | review
    lemma match on 'go': 'go away/forth' count only with 'to/in' + a place
    (meeting.travel_to)
"""


@dataclass(frozen=True)
class Decision:
    code: tuple[str, ...]
    verbs: frozenset[str] | None
    words: frozenset[str] | None
    status: str  # "to add" | "excluded" | "review"
    text: str


def parse_decisions(table: str) -> list[Decision]:
    entries: list[tuple[list[str], list[str]]] = []
    for line in table.strip("\n").splitlines():
        if not line.strip():
            continue
        if line[0].isspace():
            entries[-1][1].append(line.strip())
        elif entries and not entries[-1][1]:
            entries[-1][0].append(line.strip())
        else:
            entries.append(([line.strip()], []))
    decisions = []
    for header, text in entries:
        code, verbs, words, status = (f.strip() for f in " ".join(header).split("|"))
        decisions.append(
            Decision(
                tuple(code.split()),
                None if verbs == "*" else frozenset(verbs.split()),
                None if words == "*" else frozenset(words.split()),
                status,
                " ".join(text).format_map(GUIDELINES),
            )
        )
    return decisions


ADD, EXCL = "to add", "excluded"
DECISIONS = parse_decisions(DECISIONS_TABLE)
CAVEATS = parse_decisions(CAVEATS_TABLE)


# ---------------------------------------------------------------------------
# CAMEO dictionary syntax (PETRARCH2 docs/source/dictionaries.rst)

PARTICLES = frozenset(
    ["UP", "DOWN", "OFF", "OUT", "BACK", "AHEAD", "AWAY", "ASIDE", "FORWARD", "TOGETHER"]
)
PREPOSITIONS = frozenset(
    [
        "TO",
        "FOR",
        "WITH",
        "IN",
        "ON",
        "INTO",
        "FROM",
        "OF",
        "AT",
        "BY",
        "OVER",
        "UNDER",
        "BETWEEN",
        "TOWARD",
        "TOWARDS",
        "AGAINST",
        "ALONG",
        "ALONGSIDE",
        "AFTER",
        "BEFORE",
        "DURING",
        "AMID",
        "AS",
        "ABOUT",
        "UPON",
        "BEHIND",
        "NEAR",
        "DESPITE",
        "UNTIL",
        "THROUGH",
        "ACROSS",
        "AROUND",
        "WITHIN",
        "WITHOUT",
        "ONTO",
    ]
)
DETERMINERS = frozenset({"A", "AN", "THE"})
HEAD_IDS = frozenset({"trigger", "object"})
ACTOR_ENTS = frozenset({"GPE", "PERSON", "ORG", "NORP"})

TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|&[A-Z0-9_'-]+|[*+$^%]|[A-Z0-9][A-Z0-9'_/.-]*")


@dataclass
class Issues:
    """What the parser could not read cleanly, reported at the end of the doc."""

    items: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, text: str) -> None:
        if (line, text) not in self.items:
            self.items.append((line, text))


@dataclass
class VerbEntry:
    line: int
    text: str
    base: str  # "WRAP_UP"
    forms: tuple[str, ...]
    code: str | None  # its own code; None: the block's


@dataclass
class PatternLine:
    line: int
    body: str  # as written, without code and comment
    code: str
    comment: str


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class Dictionary:
    sets: dict[str, list[str]]
    blocks: list[Block]
    skipped: dict[str, list[str]]  # section name -> its lines, not read


def _strip_comment(text: str) -> tuple[str, str]:
    body, _, comment = text.partition("#")
    return body.rstrip(), comment.strip()


def parse_dictionary(path: Path, issues: Issues) -> Dictionary:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    sets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = ""
    skipped: dict[str, list[str]] = defaultdict(list)  # other sections (TRANSFORMATIONS)
    current_set: str | None = None
    block: Block | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("#######"):
            section = "sets" if "SYNONYM" in line else "verbs" if "VERB" in line else line
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            current_set = None if not line.strip() else current_set
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = line.split()[0][1:].rstrip("_")
                sets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                sets[current_set].append(_strip_comment(line)[0][1:].strip())
            else:
                issues.add(number, f"unread line in the synonym sets: `{line.strip()}`")
            continue
        if section != "verbs":
            skipped[section.strip("# ")].append(line.strip())
            continue
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if header:
            block = Block(header.group(1), header.group(2).strip(), number)
            blocks.append(block)
            if not re.match(r"^---\s+\S+\s+\[[^\]]*\]\s+---\s*$", line):
                issues.add(number, f"block header out of form: `{line.strip()}`")
            continue
        if block is None:
            issues.add(number, f"line outside a verb block: `{line.strip()}`")
            continue
        body, comment = _strip_comment(line)
        if body.lstrip().startswith("-"):
            codes = list(re.finditer(r"\[([^\]]*)\]", body))
            if not codes:
                issues.add(number, f"pattern without a code: `{body.strip()}`")
                continue
            last = codes[-1]
            text = body.lstrip()[1:]
            text = text[: text.rfind("[")].strip()
            trailing = body[last.end() :].strip()
            if trailing:
                issues.add(number, f"text after the code: `{trailing}`")
            block.patterns.append(PatternLine(number, text, last.group(1).strip(), comment))
        else:
            body = body.split(";")[0]  # TABARI's comment mark ("SCRAP {...};shan 8/30/93")
            verb = re.match(r"^\s*(\+?[A-Z][A-Z0-9_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", body)
            if verb is None:
                issues.add(number, f"unread verb line: `{line.strip()}`")
                continue
            forms = tuple(f.lstrip("+") for f in (verb.group(2) or "{}")[1:-1].split() if f.strip())
            own = verb.group(3)[1:-1].strip() if verb.group(3) else None
            block.verbs.append(
                VerbEntry(number, body.strip(), verb.group(1).lstrip("+"), forms, own)
            )
    return Dictionary(sets, blocks, dict(skipped))


def family_of(code: str) -> str | None:
    """The eventx family of a CAMEO code such as "042:043", ":040" or "080!"."""
    for part in code.split(":"):
        part = part.strip().rstrip("!")
        for family in sorted(FAMILIES, key=len, reverse=True):
            if part.startswith(family):
                return family
    return None


# ---------------------------------------------------------------------------
# Words and lemmas


def noun_lemmas(word: str) -> frozenset[str]:
    """Lemma candidates of a CAMEO noun ("EXERCISES" -> exercises, exercise).  A
    multi-word entry ("CEASE_FIRE") stays a phrase, with its last word as head.  A
    word without a trailing "_" is a stem (TABARI's convention, kept by the file:
    TALK matches "talks"), so its plural is a candidate too."""
    stem = not word.endswith("_")
    word = word.strip("_").lower()
    parts = [p for p in re.split(r"_+", word) if p]
    if not parts:
        return frozenset()
    out = {" ".join(parts)}
    head = parts[-1]
    if len(parts) > 1:
        out.add(head)
    if head.endswith("ies") and len(head) > 4:
        out.add(head[:-3] + "y")
    elif head.endswith(("sses", "ches", "shes", "xes")):
        out.add(head[:-2])
    elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        out.add(head[:-1])
    if stem and not head.endswith("s") and len(parts) == 1:
        out.add(head + "s")
    return frozenset(out)


def _regular_forms(base: str) -> set[str]:
    first, _, rest = base.partition("_")
    rest = f"_{rest}" if rest else ""
    stems = {first + "S", first + "ED", first + "ING"}
    if first.endswith("E"):
        stems |= {first + "D", first[:-1] + "ING"}
    if first.endswith("Y") and first[-2:-1] not in "AEIOU":
        stems |= {first[:-1] + "IES", first[:-1] + "IED"}
    if re.search(r"[^AEIOU][AEIOU][BDGLMNPRST]$", first):
        stems |= {first + first[-1] + "ED", first + first[-1] + "ING"}
    return {s + rest for s in stems} | {base}


@dataclass(frozen=True)
class VerbRef:
    written: str  # as the comment or the verb line writes it
    base: str  # WRAP_UP

    @property
    def lemma(self) -> str:
        return self.base.split("_")[0].lower()

    @property
    def particle(self) -> str:
        return " ".join(self.base.split("_")[1:]).lower()

    @property
    def display(self) -> str:
        return self.base.replace("_", " ").lower()

    @property
    def key(self) -> str:
        """What DECISIONS name: the lemma, or the phrasal verb ("leave_behind")."""
        return self.base.lower()


def build_form_index(dictionary: Dictionary) -> dict[str, str]:
    index: dict[str, str] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            for form in (*_regular_forms(verb.base), *verb.forms):
                index.setdefault(form, verb.base)
    return index


def resolve_verb(written: str, block: Block, index: dict[str, str]) -> VerbRef:
    word = written.strip().upper().replace(" ", "_")
    for verb in block.verbs:
        if word == verb.base or word in verb.forms or word in _regular_forms(verb.base):
            return VerbRef(written, verb.base)
    first, _, rest = word.partition("_")
    for verb in block.verbs:  # "LAID_DOWN" under "LAY {... LAID ...}"
        if rest and (first in verb.forms or first in _regular_forms(verb.base)):
            return VerbRef(written, f"{verb.base}_{rest}")
    if word in index:
        return VerbRef(written, index[word])
    for suffix, repl in (("IED", "Y"), ("ED", ""), ("ING", "")):
        if first.endswith(suffix):
            stem = first[: -len(suffix)] + repl
            return VerbRef(written, stem + (f"_{rest}" if rest else ""))
    return VerbRef(written, word)


# ---------------------------------------------------------------------------
# A pattern as a small dependency tree


@dataclass(eq=False)
class Node:
    label: str
    lemmas: frozenset[str] | None  # None: any word (an actor, ^, or any preposition)
    pos: frozenset[str]
    deps: frozenset[str]
    children: list[Node] = field(default_factory=list)
    actor: bool = False
    head: bool = False  # the head of a noun phrase (not a modifier)
    members: tuple[tuple[str, frozenset[str]], ...] = ()  # a &SET's words
    set_name: str = ""

    def walk(self) -> Iterator[Node]:
        seen: set[int] = set()
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            stack.extend(reversed(node.children))


def _actor(dep: str) -> Node:
    return Node("<actor>", None, frozenset({"PROPN", "NOUN"}), frozenset({dep}), actor=True)


def _wildcard(dep: str) -> Node:
    return Node("^", None, frozenset({"NOUN", "PROPN"}), frozenset({dep}))


class TreeBuilder:
    def __init__(self, sets: dict[str, list[str]], issues: Issues, line: int) -> None:
        self.sets = sets
        self.issues = issues
        self.line = line

    def word_node(self, word: str, deps: frozenset[str], head: bool) -> Node:
        pos = frozenset({"NOUN"}) if head else frozenset({"NOUN", "ADJ"})
        if word.startswith("&"):
            name = word[1:].rstrip("_")
            members = self.sets.get(name)
            if members is None:
                self.issues.add(self.line, f"unknown synonym set `{word}` (read as a word)")
                return Node(word, noun_lemmas(name), pos, deps, head=head)
            pairs = tuple((m, noun_lemmas(m)) for m in members)
            lemmas = frozenset().union(*(p[1] for p in pairs)) if pairs else frozenset()
            return Node(word, lemmas, pos, deps, head=head, members=pairs, set_name=name)
        return Node(word, noun_lemmas(word), pos, deps, head=head)

    def noun_phrase(self, words: list[str], dep: str) -> list[Node]:
        """Nodes of a noun phrase; the first is its head, the others its modifiers."""
        words = [w for w in words if w not in DETERMINERS]
        if not words:
            return []
        head = self.word_node(words[-1], frozenset({dep}), True)
        for modifier in words[:-1]:
            head.children.append(
                self.word_node(modifier, frozenset({"compound", "amod", "nmod"}), False)
            )
        return [head]

    def items(self, text: str) -> list[str]:
        tokens: list[str] = []
        for token in TOKEN.findall(text):
            name = token[1:].rstrip("_")
            if token.startswith("&") and name not in self.sets:
                prefix = next(
                    (
                        s
                        for s in sorted(self.sets, key=len, reverse=True)
                        if name.startswith(s + "_")
                    ),
                    None,
                )
                if prefix is not None:
                    rest = name[len(prefix) + 1 :].split("_")
                    self.issues.add(
                        self.line,
                        f"`{token}` is no set: read as `&{prefix} {' '.join(rest)}`",
                    )
                    tokens.extend([f"&{prefix}", *rest])
                    continue
            tokens.append(token)
        leftover = TOKEN.sub(" ", text).strip()
        if leftover:
            self.issues.add(self.line, f"unread characters `{leftover}` in `{text.strip()}`")
        return tokens

    def prep_phrase(self, preps: list[str], content: list[str]) -> Node:
        prep = Node(
            "(" + "/".join(preps) + ")",
            frozenset(p.lower() for p in preps),
            frozenset({"ADP"}),
            frozenset({"prep", "dative", "agent"}),
        )
        prep.children.extend(self.sequence(content, "pobj") or [_actor("pobj")])
        return prep

    def sequence(self, tokens: list[str], dep: str) -> list[Node]:
        """Nodes of a run of pattern items; noun phrases take `dep`."""
        out: list[Node] = []
        words: list[str] = []
        last_head: list[Node] = []
        pending: Node | None = None  # a bare preposition waiting for its object

        def attach(nodes: list[Node]) -> None:
            nonlocal pending, last_head
            if not nodes:
                return
            if pending is not None:
                for node in nodes:
                    node.deps = frozenset({"pobj"})
                pending.children.extend(nodes)
            else:
                out.extend(nodes)
            last_head = nodes[:1]

        def flush() -> None:
            nonlocal words
            if words:
                attach(self.noun_phrase(words, "pobj" if pending else dep))
                words = []

        for token in tokens:
            if token.startswith("{"):
                flush()
                inner = self.items(token[1:-1])
                if inner and inner[0] in PREPOSITIONS:
                    self.issues.add(self.line, f"`{token}` is a prepositional phrase in braces")
                    pp = self.prep_phrase([inner[0]], inner[1:])
                    out.append(pp)
                    continue
                if any(t in "+$^%*" or t.startswith(("(", "{")) for t in inner):
                    self.issues.add(self.line, f"structure inside a noun phrase `{token}`")
                attach(self.noun_phrase([t for t in inner if t not in "+$^%"], dep))
            elif token.startswith("("):
                flush()
                pending = None
                inner = self.items(token[1:-1])
                if not inner:
                    self.issues.add(self.line, "empty parentheses")
                    continue
                preps = inner[0].split("/")
                if inner[0] in PARTICLES and inner[0] not in PREPOSITIONS:
                    self.issues.add(
                        self.line, f"`{token}` starts with a particle: read as particle + object"
                    )
                    out.append(
                        Node(
                            inner[0],
                            frozenset({inner[0].lower()}),
                            frozenset({"ADP", "ADV"}),
                            frozenset({"prt"}),
                        )
                    )
                    out.extend(self.sequence(inner[1:], dep))
                    continue
                if not all(p in PREPOSITIONS for p in preps):
                    self.issues.add(
                        self.line, f"`{token}` does not start with a preposition (read as one)"
                    )
                pp = self.prep_phrase(preps, inner[1:])
                out.append(pp)
                for head in last_head:
                    head.children.append(pp)
            elif token in {"+", "$"}:
                flush()
                attach([_actor("pobj" if pending else dep)])
            elif token == "^":
                flush()
                attach([_wildcard("pobj" if pending else dep)])
            elif token == "%":
                continue  # compound-actor marker: no word of its own
            elif token in PARTICLES and not words and pending is None:
                out.append(
                    Node(
                        token,
                        frozenset({token.lower()}),
                        frozenset({"ADP", "ADV"}),
                        frozenset({"prt"}),
                    )
                )
            elif token.split("/")[0] in PREPOSITIONS:
                flush()
                if pending is not None and not pending.children:
                    pending.children.append(_actor("pobj"))
                pending = Node(
                    token,
                    frozenset(t.lower() for t in token.split("/")),
                    frozenset({"ADP"}),
                    frozenset({"prep", "dative", "agent"}),
                )
                out.append(pending)
                for head in last_head:
                    head.children.append(pending)
            else:
                parts = token.strip("_").split("_")
                if len(parts) > 1 and any(
                    p in PREPOSITIONS or p in DETERMINERS or p == "AND" for p in parts
                ):
                    self.issues.add(self.line, f"odd joined word `{token}` (read as a noun)")
                words.append(token)
        flush()
        if pending is not None and not pending.children:
            pending.children.append(_actor("pobj"))
        return out


def verb_node(verb: VerbRef) -> Node:
    node = Node(verb.display, frozenset({verb.lemma}), frozenset({"VERB"}), frozenset({"ROOT"}))
    for word in verb.particle.split():
        up = word.upper()
        if up in PREPOSITIONS and up not in PARTICLES:
            prep = Node(up, frozenset({word}), frozenset({"ADP"}), frozenset({"prep"}))
            prep.children.append(_actor("pobj"))
            node.children.append(prep)
        else:
            node.children.append(
                Node(up, frozenset({word}), frozenset({"ADP", "ADV"}), frozenset({"prt"}))
            )
    return node


Frame = tuple[Node, str]  # a reading of a row, and how it reads the target


def _has_target(tree: Node) -> bool:
    """Whether the pattern says where its target is: an actor slot or a passive
    agent ("(BY)")."""
    for node in tree.walk():
        if node.actor:
            return True
        if node.lemmas is not None and "by" in node.lemmas and "prep" in node.deps:
            return True
    return False


def pattern_frames(body: str, verb: VerbRef, builder: TreeBuilder) -> list[Frame]:
    """The pattern as written.  Where it has no actor slot, CAMEO finds the target
    elsewhere in the verb phrase, so two more readings: the target as the object
    (when the pattern has none), and as a 'to' phrase (when it has no preposition)."""

    def build() -> Node:
        tokens = builder.items(body)
        root = verb_node(verb)
        if "*" not in tokens:
            builder.issues.add(builder.line, f"no verb position `*` in `{body}`")
            before, after = [], tokens
        else:
            star = tokens.index("*")
            before, after = tokens[:star], tokens[star + 1 :]
        root.children.extend(builder.sequence(before, "nsubj"))
        root.children.extend(builder.sequence(after, "dobj"))
        return root

    written = build()
    frames: list[Frame] = [(written, "")]
    if _has_target(written):
        return frames
    if not any("dobj" in c.deps for c in written.children):
        root = build()
        root.children.append(_actor("dobj"))
        frames.append((root, "target read as the object"))
    if not any("prep" in c.deps for c in written.children):
        root = build()
        prep = Node("TO", frozenset({"to"}), frozenset({"ADP"}), frozenset({"prep", "dative"}))
        prep.children.append(_actor("pobj"))
        root.children.append(prep)
        frames.append((root, "target read as a 'to' phrase"))
    return frames


def bare_verb_frames(verb: VerbRef) -> list[Frame]:
    """A verb alone: its source is the subject, its target the object or the object
    of a preposition."""
    frames: list[Frame] = []
    for extra in ("", "dobj", "prep"):
        root = verb_node(verb)
        root.children.append(_actor("nsubj"))
        note = ""
        if extra == "dobj":
            root.children.append(_actor("dobj"))
            note = "target as the object"
        elif extra == "prep":
            prep = Node("(any)", None, frozenset({"ADP"}), frozenset({"prep"}))
            prep.children.append(_actor("pobj"))
            root.children.append(prep)
            note = "target in a prepositional phrase"
        frames.append((root, note))
    return frames


# ---------------------------------------------------------------------------
# eventx's rule packs and the matcher


@dataclass
class Pack:
    type: str
    lists: dict[str, list[str]]
    rules: list[dict[str, Any]]
    modes: dict[str, str]


def load_packs(models: Path) -> list[Pack]:
    packs = []
    for path in sorted((models / "rules").glob("*.json")):
        if path.name == "types.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        packs.append(
            Pack(data["type"], data.get("lists", {}), data["rules"], data.get("modes", {}))
        )
    return packs


def check_types(models: Path) -> list[str]:
    """FAMILIES must agree with types.json."""
    problems = []
    types = json.loads((models / "rules" / "types.json").read_text(encoding="utf-8"))["types"]
    for name, spec in types.items():
        codes = [spec.get("cameo")] + [v.get("cameo") for v in spec.get("variants", {}).values()]
        for code in filter(None, codes):
            family = family_of(code)
            if family is None or FAMILIES[family][0] != name:
                problems.append(f"types.json: {name} has CAMEO {code}, FAMILIES says otherwise")
    return problems


@dataclass(frozen=True)
class Constraint:
    values: frozenset[str] | None
    list_name: str  # "" when written out
    negate: bool = False


def _constraint(spec: Any, lists: dict[str, list[str]]) -> Constraint:
    def words(value: Any) -> tuple[frozenset[str], str]:
        if isinstance(value, str) and value.startswith("$"):
            return frozenset(w.lower() for w in lists[value[1:]]), value[1:]
        if isinstance(value, str):
            return frozenset({value.lower()}), ""
        return frozenset(str(v).lower() for v in value), ""

    if isinstance(spec, dict):
        if "IN" in spec:
            values, name = words(spec["IN"])
            return Constraint(values, name)
        if "NOT_IN" in spec:
            values, name = words(spec["NOT_IN"])
            return Constraint(values, name, negate=True)
        return Constraint(None, "")
    values, name = words(spec)
    return Constraint(values, name)


@dataclass
class RuleNode:
    right_id: str
    left_id: str | None
    op: str | None
    lemma: Constraint | None
    pos: Constraint | None
    dep: Constraint | None
    ent: Constraint | None
    unsupported: list[str]


@dataclass
class Rule:
    id: str
    type: str
    roles: str
    nodes: list[RuleNode]
    absent_children: frozenset[str]
    absent_child_lemmas: dict[str, frozenset[str]]
    mode: str | None
    mode_from: str | None
    modes: dict[str, str]

    def modes_of(self, bound: dict[str, Node]) -> set[str]:
        """The meeting modes the rule gives this match (``modes`` of the pack)."""
        if self.mode:
            return {self.mode}
        node = bound.get(self.mode_from or "")
        if node is None or node.lemmas is None:
            return set()
        return {self.modes[w] for w in node.lemmas if w in self.modes}


def compile_rules(packs: list[Pack]) -> list[Rule]:
    rules = []
    for pack in packs:
        for spec in pack.rules:
            nodes = []
            for raw in spec["pattern"]:
                attrs = dict(raw["RIGHT_ATTRS"])
                lemma = None
                ext = attrs.pop("_", {})
                if "lemma_lower" in ext:
                    lemma = _constraint(ext["lemma_lower"], pack.lists)
                for key in ("LEMMA", "LOWER"):
                    if key in attrs:
                        lemma = _constraint(attrs.pop(key), pack.lists)
                pos = _constraint(attrs.pop("POS"), pack.lists) if "POS" in attrs else None
                dep = _constraint(attrs.pop("DEP"), pack.lists) if "DEP" in attrs else None
                ent = (
                    _constraint(attrs.pop("ENT_TYPE"), pack.lists) if "ENT_TYPE" in attrs else None
                )
                nodes.append(
                    RuleNode(
                        raw["RIGHT_ID"],
                        raw.get("LEFT_ID"),
                        raw.get("REL_OP"),
                        lemma,
                        pos,
                        dep,
                        ent,
                        sorted(attrs),
                    )
                )
            absent = {
                d: frozenset(w.lower() for w in (pack.lists[v[1:]] if isinstance(v, str) else v))
                for d, v in spec.get("absent_child_lemmas", {}).items()
            }
            rules.append(
                Rule(
                    spec["id"],
                    pack.type,
                    spec["roles"],
                    nodes,
                    frozenset(spec.get("absent_children", [])),
                    absent,
                    spec.get("mode"),
                    spec.get("mode_from"),
                    pack.modes,
                )
            )
    return rules


def _allows(constraint: Constraint | None, values: frozenset[str]) -> bool:
    if constraint is None or constraint.values is None:
        return True
    hit = bool(constraint.values & {v.lower() for v in values})
    return not hit if constraint.negate else hit


def node_fits(rule_node: RuleNode, node: Node) -> bool:
    if rule_node.unsupported:
        return False  # TAG tests: the participle and relative-clause variants of a rule
    if not _allows(rule_node.pos, node.pos) or not _allows(rule_node.dep, node.deps):
        return False
    if rule_node.ent is not None:
        ents = ACTOR_ENTS if node.actor else frozenset({""})
        if not _allows(rule_node.ent, ents):
            return False
    if rule_node.lemma is not None and rule_node.lemma.values is not None:
        if node.lemmas is None:
            return not node.actor and node.label in {"(any)"}
        return _allows(rule_node.lemma, node.lemmas)
    return True


def _parents(tree: Node) -> dict[int, list[Node]]:
    parents: dict[int, list[Node]] = defaultdict(list)
    for node in tree.walk():
        for child in node.children:
            parents[id(child)].append(node)
    return parents


def match_rule(rule: Rule, tree: Node) -> dict[str, Node] | None:
    parents = _parents(tree)
    nodes = list(tree.walk())

    def extend(i: int, bound: dict[str, Node]) -> dict[str, Node] | None:
        if i == len(rule.nodes):
            return bound if _rule_checks(rule, bound) else None
        rn = rule.nodes[i]
        if rn.left_id is None:
            candidates = nodes
        else:
            left = bound[rn.left_id]
            if rn.op == ">":
                candidates = left.children
            elif rn.op == "<":
                candidates = parents.get(id(left), [])
            else:
                return None
        used = {id(n) for n in bound.values()}
        for cand in candidates:
            if id(cand) in used or not node_fits(rn, cand):
                continue
            found = extend(i + 1, {**bound, rn.right_id: cand})
            if found is not None:
                return found
        return None

    return extend(0, {})


def _rule_checks(rule: Rule, bound: dict[str, Node]) -> bool:
    trigger = bound.get("trigger")
    if trigger is None:
        return True
    for child in trigger.children:
        if child.deps & rule.absent_children and not child.deps - rule.absent_children:
            return False
        for dep, words in rule.absent_child_lemmas.items():
            if dep in child.deps and child.lemmas is not None and child.lemmas & words:
                return False
    return True


def describe_match(rule: Rule, bound: dict[str, Node]) -> str:
    parts = []
    for rn in rule.nodes:
        node = bound[rn.right_id]
        if rn.lemma is None or rn.lemma.values is None:
            continue
        if node.lemmas is None:  # the "(any)" preposition of a bare verb
            parts.append(
                f"{rn.lemma.list_name or 'literal'}: any of {', '.join(sorted(rn.lemma.values))}"
            )
            continue
        hit = sorted(rn.lemma.values & node.lemmas)
        name = rn.lemma.list_name or "literal"
        parts.append(f"{name}: {', '.join(hit)}")
    return f"`{rule.id}` ({'; '.join(parts)})" if parts else f"`{rule.id}`"


def missing_members(matches: list[tuple[Rule, dict[str, Node], str]]) -> list[str]:
    """Words of a head noun's &SET that none of the lists matched on it holds."""
    lists: dict[int, tuple[Node, set[str], set[str]]] = {}
    for rule, bound, _ in matches:
        for rn in rule.nodes:
            node = bound[rn.right_id]
            if not node.members or not node.head or rn.lemma is None or not rn.lemma.values:
                continue
            entry = lists.setdefault(id(node), (node, set(), set()))
            entry[1].update(rn.lemma.values)
            entry[2].add(rn.lemma.list_name or "the rule")
    out = []
    for node, values, names in lists.values():
        missing = [m for m, lem in node.members if not lem & values]
        if missing:
            words = ", ".join(m.lower().replace("_", " ").strip() for m in missing)
            out.append(f"&{node.set_name} not in {'/'.join(sorted(names))}: {words}")
    return out


# ---------------------------------------------------------------------------
# Rows


@dataclass
class Row:
    family: str
    code: str
    lines: list[int]
    block: str
    verb: str
    pattern: str  # as written
    kind: str  # "verb" | "pattern"
    type: str
    status: str = ""  # covered | partly | not covered
    detail: str = ""
    decision: str = ""  # "" (covered) | to add | excluded
    reason: str = ""
    words: frozenset[str] = frozenset()
    verb_lemmas: frozenset[str] = frozenset()  # VerbRef.key: "meet", "leave_behind"
    notes: list[str] = field(default_factory=list)
    caveat: str = ""  # a judgement on a covered row (CAVEATS)


EXPECTED_MODE = {"041": "phone", "042": "visit", "043": "visit"}


class Checker:
    def __init__(self, rules: list[Rule], lexicons: dict[str, Any]) -> None:
        self.rules = rules
        self.participation = frozenset(lexicons["participation"]["verbs"])
        modality = lexicons["modality"]
        self.modality = {
            "negated": frozenset(modality["negation_verbs"]),
            "future": frozenset(modality["future_verbs"]),
            "hypothetical": frozenset(modality["hypothetical_verbs"]),
        }

    def full_matches(
        self, frames: list[Frame], rtype: str | None
    ) -> list[tuple[Rule, dict[str, Node], str]]:
        """The first reading each rule (of `rtype`, or any) matches."""
        found = []
        for rule in self.rules:
            if rtype is not None and rule.type != rtype:
                continue
            for tree, note in frames:
                bound = match_rule(rule, tree)
                if bound is not None:
                    found.append((rule, bound, note))
                    break
        return found

    def verb_side(self, lemma: str, rtype: str) -> dict[str, set[str]]:
        """List name -> rule ids where `lemma` is a verb trigger."""
        hits: dict[str, set[str]] = defaultdict(set)
        for rule in self.rules:
            if rule.type != rtype:
                continue
            for rn in rule.nodes:
                pos = rn.pos.values if rn.pos is not None and rn.pos.values else frozenset()
                if (
                    rn.lemma
                    and rn.lemma.values
                    and lemma in rn.lemma.values
                    and pos
                    & {
                        "verb",
                        "aux",
                    }
                ):
                    hits[rn.lemma.list_name or "literal"].add(rule.id)
        return hits

    def noun_side(self, tree: Node, rtype: str) -> dict[str, set[str]]:
        """ "word in LIST" -> rule ids, for the pattern's head nouns that a rule of
        the type takes as its trigger or object."""
        hits: dict[str, set[str]] = defaultdict(set)
        for node in tree.walk():
            if not node.head or node.lemmas is None:
                continue
            for rule in self.rules:
                if rule.type != rtype:
                    continue
                for rn in rule.nodes:
                    if rn.right_id not in HEAD_IDS or not rn.lemma or not rn.lemma.values:
                        continue
                    pos = rn.pos.values if rn.pos is not None and rn.pos.values else None
                    if pos is not None and not pos & {"noun", "propn"}:
                        continue
                    hit = sorted(rn.lemma.values & node.lemmas)
                    if hit:
                        key = f"`{node.label}` in {rn.lemma.list_name or 'literal'}"
                        hits[key].add(rule.id)
        return hits

    def notes_for(
        self, row: Row, verbs: list[VerbRef], matches: list[tuple[Rule, dict[str, Node], str]]
    ) -> list[str]:
        notes = []
        for verb in verbs:
            for mode, words in self.modality.items():
                if verb.lemma in words or verb.display in words:
                    notes.append(f"modality {mode}: '{verb.display}' in modality.json")
        nominal = [(r, b) for r, b, _ in matches if r.roles == "nominal"]
        if nominal and len(nominal) == len(matches):
            trigger = nominal[0][1].get("trigger")
            if trigger is not None and "dobj" in trigger.deps:
                for verb in verbs:
                    if verb.lemma not in self.participation:
                        notes.append(
                            f"'{verb.lemma}' is not in participation.json: its subject is "
                            "not made a party"
                        )
        expected = EXPECTED_MODE.get(row.family)
        if expected and matches:
            modes = set().union(*(r.modes_of(b) for r, b, _ in matches))
            if expected not in modes:
                shown = ", ".join(sorted(modes)) or "none"
                notes.append(f"mode '{expected}' (CAMEO {row.family}) not set: {shown}")
        return notes


def _pattern_words(body: str) -> frozenset[str]:
    out: set[str] = set()
    for token in re.findall(r"&[A-Z0-9_'-]+|[A-Z][A-Z0-9'_-]*", body):
        if token.startswith("&"):
            out.add(token.rstrip("_"))
        else:
            out |= noun_lemmas(token)
    return frozenset(out)


def _verbs_of(
    pattern: PatternLine, block: Block, index: dict[str, str]
) -> tuple[list[VerbRef], bool]:
    """The verbs the comment names ("# START , BEGIN"); else every verb of the block."""
    named = [c.strip() for c in pattern.comment.split(",") if c.strip()]
    named = [c for c in named if re.fullmatch(r"[A-Z][A-Z_'-]*", c)]
    if named:
        return list(dict.fromkeys(resolve_verb(c, block, index) for c in named)), True
    live = [v for v in block.verbs if (v.code or block.code) != "---"] or block.verbs
    return [VerbRef(v.base, v.base) for v in live], False


def build_rows(dictionary: Dictionary, checker: Checker, issues: Issues) -> list[Row]:
    index = build_form_index(dictionary)
    rows: list[Row] = []
    seen: dict[tuple[str, str, str, str], Row] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            code = verb.code if verb.code is not None else block.code
            family = family_of(code)
            if family is None:
                continue
            ref = VerbRef(verb.base, verb.base)
            row = Row(
                family,
                code,
                [verb.line],
                block.name,
                ref.display,
                verb.text,
                "verb",
                FAMILIES[family][0],
                verb_lemmas=frozenset({ref.key}),
            )
            judge(row, bare_verb_frames(ref), [ref], checker)
            rows.append(row)
        for pattern in block.patterns:
            family = family_of(pattern.code)
            if family is None:
                continue
            key = (block.name, " ".join(pattern.body.split()), pattern.code, pattern.comment)
            if key in seen:
                seen[key].lines.append(pattern.line)
                continue
            verbs, named = _verbs_of(pattern, block, index)
            shown = ", ".join(v.display for v in verbs)
            if not named:
                shown = f"any verb of block {block.name}"
                issues.add(pattern.line, f"no verb named in the comment: all of {block.name}")
            builder = TreeBuilder(dictionary.sets, issues, pattern.line)
            frames = [f for v in verbs for f in pattern_frames(pattern.body, v, builder)]
            row = Row(
                family,
                pattern.code,
                [pattern.line],
                block.name,
                shown,
                pattern.body,
                "pattern",
                FAMILIES[family][0],
                words=_pattern_words(pattern.body),
                verb_lemmas=frozenset(v.key for v in verbs),
            )
            judge(row, frames, verbs, checker)
            seen[key] = row
            rows.append(row)
    return rows


def _sides(hits: dict[str, set[str]], label: str) -> str:
    return f"{label} " + "; ".join(
        f"{name} ({', '.join(f'`{r}`' for r in sorted(rules))})"
        for name, rules in sorted(hits.items())
    )


def judge(row: Row, frames: list[Frame], verbs: list[VerbRef], checker: Checker) -> None:
    matches = checker.full_matches(frames, row.type)
    if matches:
        row.status = "covered"
        row.detail = "; ".join(
            describe_match(r, b) + (f" [{note}]" if note else "") for r, b, note in matches
        )
        row.notes.extend(missing_members(matches))
        row.notes.extend(checker.notes_for(row, verbs, matches))
        row.notes = list(dict.fromkeys(row.notes))
        caveat = first_decision(row, CAVEATS)
        if caveat is not None:
            row.caveat = caveat.text
        return
    verb_hits: dict[str, set[str]] = defaultdict(set)
    for verb in verbs:
        for name, rules in checker.verb_side(verb.lemma, row.type).items():
            verb_hits[f"`{verb.lemma}` in {name}"] |= rules
    noun_hits: dict[str, set[str]] = defaultdict(set)
    for tree, _ in frames:
        for name, rules in checker.noun_side(tree, row.type).items():
            noun_hits[name] |= rules
    parts = []
    if verb_hits:
        parts.append(_sides(verb_hits, "verb"))
    if noun_hits:
        parts.append(_sides(noun_hits, "noun"))
    row.status = "partly" if parts else "not covered"
    row.detail = "; and ".join(parts) + ("; construction not matched" if parts else "")
    other = checker.full_matches(frames, None)
    if other:
        row.notes.append(
            "matched as another type: "
            + "; ".join(f"{r.type} by {describe_match(r, b)}" for r, b, _ in other)
        )
    decide(row)


def first_decision(row: Row, decisions: list[Decision]) -> Decision | None:
    for decision in decisions:
        if not any(row.family.startswith(code) for code in decision.code):
            continue
        if decision.verbs is not None and not (decision.verbs & row.verb_lemmas):
            continue
        if decision.words is not None and not (
            {w if w.startswith("&") else w.lower() for w in decision.words} & row.words
        ):
            continue
        return decision
    return None


def decide(row: Row) -> None:
    decision = first_decision(row, DECISIONS)
    if decision is None:
        row.decision = EXCL
        row.reason = "(no decision in DECISIONS: excluded by default; please review)"
    else:
        row.decision = decision.status
        row.reason = decision.text


# ---------------------------------------------------------------------------
# The document

STATUS_ORDER = {"covered": 0, "partly": 1, "not covered": 2}
COUNT_KEYS = ("rows", "verbs", "patterns", "covered", "partly", "not covered", "to add", "excluded")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _counts(items: list[Row]) -> dict[str, int]:
    status = Counter(r.status for r in items)
    decision = Counter(r.decision for r in items)
    kind = Counter(r.kind for r in items)
    return {
        "rows": len(items),
        "verbs": kind["verb"],
        "patterns": kind["pattern"],
        "covered": status["covered"],
        "partly": status["partly"],
        "not covered": status["not covered"],
        "to add": decision[ADD],
        "excluded": decision[EXCL],
    }


def _split_class(text: str) -> tuple[str, str]:
    match = re.match(r"\[([^]]+)\]\s*(.*)", text)
    return (match.group(1), match.group(2)) if match else ("other", text)


def _example(row: Row) -> str:
    return f"{row.verb} `{row.pattern}` [{row.code}]"


def _intro(digest: str) -> list[str]:
    return [
        "# CAMEO verb dictionary: coverage by eventx's rules",
        "",
        "Generated by `scripts/cameo_coverage.py` from the CAMEO dictionary and "
        "`models/`; do not edit by hand. Regenerate from the repository root (standard "
        "library only, no spaCy):",
        "",
        "```",
        ".venv/bin/python scripts/cameo_coverage.py "
        "[--knowledge ../shared/knowledge] [--out docs/cameo-coverage.md]",
        "```",
        "",
        "**What.** Every verb and phrase pattern of the CAMEO verb dictionary whose code "
        "belongs to one of eventx's types (040-046 meeting_held, 057 and 0871 "
        "agreement_signed, 062 and 150-154 military_exercise, 196 ceasefire_violation, as in "
        "`models/rules/types.json`), checked against the rule packs `models/rules/*.json`: "
        "each is covered by a rule, or proposed to add, or excluded with a reason.",
        "",
        f"**Source.** `../shared/knowledge/petrarch2/CAMEO.2.0.txt` (sha256 `{digest}`), "
        "the PETRARCH2 / Phoenix verb dictionary from openeventdata/petrarch2 commit 676801c "
        "(`../shared/knowledge/README.md`), copyright 2015 Open Event Data Alliance, MIT "
        "licence (`../shared/knowledge/petrarch2/LICENSE`). Verbs, patterns and codes are "
        "quoted as written.",
        "",
        "**How a row is read.**",
        "",
        "- A *verb row* is a verb line of a verb block whose own code, or else the block's, "
        "is in scope (`CONSULT [040:040]`, `MOBILIZE` under `--- MOBILIZE [150] ---`). It is "
        "read as the verb alone, its target the object or a prepositional object.",
        "- A *pattern row* is a `- ...` line whose code is in scope on either side of `a:b` "
        "(`042:043` codes the visit, 042, and the reverse event, 043; `:040` only the "
        "reverse). `*` is the verb; words before it its subject; `{A B}` a noun phrase, head "
        "last; `(P X)` a prepositional phrase (empty `(WITH)`: the target); `&SET` a "
        "synonym set, expanded to its words (listed at the end); `+` and `$` the target and "
        "source actors; `^` any noun phrase; `%` a compound actor (no word). A word without "
        "a trailing `_` is a stem (TALK matches talks). The verb is the one the line's "
        "comment names (where PETRARCH's editors found the pattern; PETRARCH applies it to "
        "every verb of the block); without one, every verb of the block. Exact duplicates "
        "in a block are one row.",
        "- Each row becomes a small dependency tree (verb; `nsubj`; `dobj`; `prep` + `pobj`; "
        "noun modifiers `compound`/`amod`; particles `prt`). Where a pattern has no actor "
        "slot, CAMEO finds the target elsewhere in the clause, so the target is also tried "
        "as the object and as a 'to' phrase (noted in the row). Every rule of the row's "
        "eventx type is matched on it like spaCy's DependencyMatcher, with `$LIST`s "
        "resolved and `absent_children` / `absent_child_lemmas` checked. Not checked: "
        "`TAG` tests (the participle and relative-clause variants of a rule), entity types "
        "of named objects beyond 'an actor', and the party conditions (`min_parties`, "
        "`requires_party`, ...): a CAMEO pattern always has its two actors.",
        "",
        "**Automatic and judged.**",
        "",
        "- *Automatic* (lemma and construction match): **covered** (a rule of the type "
        "matches; its id and the word lists whose words match are named), **partly** (the "
        "verb is a trigger of a rule of the type but the noun or construction is not, or the "
        "noun is but the verb or construction is not; the lists are named), **not "
        "covered**. Notes in brackets come from the packs and lexicons too: set members "
        "missing from the list, a verb that makes the event non-asserted "
        "(`models/lexicons/modality.json`), a governing verb outside "
        "`models/lexicons/participation.json` (its subject is not made a party), the "
        "meeting mode the rule gives against CAMEO's (041 phone, 042/043 visit), a match as "
        "another eventx type.",
        "- *Judgement* (`DECISIONS` and `CAVEATS` in the script, to be edited there, by code "
        "prefix, verb and pattern word): each row that is partly or not covered is proposed "
        "**to add** (a construction eventx should cover: rule class in brackets, trigger "
        "lemmas, list) or **excluded** (with a reason grounded in "
        "`../shared/gold/GUIDELINES.md`); a few covered rows carry a **review** note where "
        "GUIDELINES questions the match.",
        "",
    ]


def render(
    rows: list[Row],
    dictionary: Dictionary,
    issues: Issues,
    source: Path,
    problems: list[str],
) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    by_family: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_family[row.family].append(row)
    out = _intro(digest)
    w = out.append
    if problems:
        w("**Scope check against types.json:** " + "; ".join(problems))
        w("")

    w("## Summary")
    w("")
    w("| CAMEO code | meaning | eventx type | " + " | ".join(COUNT_KEYS) + " |")
    w("|---|---|---|" + "---:|" * len(COUNT_KEYS))
    for family, (rtype, meaning) in FAMILIES.items():
        counts = _counts(by_family.get(family, []))
        w(
            f"| {family} | {meaning} | {rtype} | "
            + " | ".join(str(counts[k]) for k in COUNT_KEYS)
            + " |"
        )
    totals = _counts(rows)
    w("| **all** | | | " + " | ".join(f"**{totals[k]}**" for k in COUNT_KEYS) + " |")
    w("")
    reviewed = [r for r in rows if r.caveat]
    w(
        f"Rows are verb lines plus pattern lines; covered + partly + not covered = rows, "
        f"to add + excluded = partly + not covered. {len(reviewed)} covered rows carry a "
        "review note."
    )
    w("")

    w("## To add, by type and construction")
    w("")
    w(
        "The 'to add' proposals, grouped: what eventx would need to cover these CAMEO "
        "patterns (trigger lemmas and word lists in each proposal)."
    )
    w("")
    groups: dict[str, dict[tuple[str, str], list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row.decision == ADD:
            groups[row.type][_split_class(row.reason)].append(row)
    for rtype in sorted(groups):
        w(f"### {rtype}")
        w("")
        w("| construction | proposal | rows | CAMEO patterns |")
        w("|---|---|---:|---|")
        for (klass, text), items in sorted(groups[rtype].items(), key=lambda kv: -len(kv[1])):
            w(
                f"| {_cell(klass)} | {_cell(text)} | {len(items)} | "
                + _cell("; ".join(_example(r) for r in items))
                + " |"
            )
        w("")

    missing: dict[str, set[str]] = defaultdict(set)
    mode_gaps: list[Row] = []
    for row in rows:
        for note in row.notes:
            found = re.match(r"(&\S+) not in (.+?): (.+)", note)
            if found:
                missing[f"{found.group(1)} → {found.group(2)}"].update(
                    w.strip() for w in found.group(3).split(",")
                )
            if note.startswith("mode '"):
                mode_gaps.append(row)
    w("## Gaps inside covered rows")
    w("")
    w(
        "Synonym-set words that no matching list holds (candidates for the lists; "
        "multi-word ones need a merge in `models/lexicons/multiwords.json`):"
    )
    w("")
    for key, words in sorted(missing.items()):
        w(f"- {key}: {', '.join(sorted(words))}")
    w("")
    w(
        "Covered rows whose rule does not give CAMEO's meeting mode (041 phone, 042/043 "
        "visit; types.json derives 041/042 from the mode):"
    )
    w("")
    for row in mode_gaps:
        note = next(n for n in row.notes if n.startswith("mode '"))
        w(f"- {row.code} {_example(row)}: {note}")
    w("")
    if reviewed:
        w("Covered rows to review (`CAVEATS`):")
        w("")
        for row in reviewed:
            w(f"- {row.code} {_example(row)}: {row.caveat}")
        w("")

    for family, (rtype, meaning) in FAMILIES.items():
        items = sorted(
            by_family.get(family, []),
            key=lambda r: (STATUS_ORDER[r.status], r.decision, r.kind != "verb", r.lines[0]),
        )
        w(f"## {family} {meaning} ({rtype})")
        w("")
        if not items:
            w("No verb or pattern of the dictionary carries this code.")
            w("")
            continue
        w(
            "| line | CAMEO code | verb | pattern (as written) | eventx type | status | "
            "rule(s) / reason |"
        )
        w("|---|---|---|---|---|---|---|")
        for row in items:
            status = row.status
            text = row.detail
            if row.decision:
                status += f": **{row.decision}**"
                text = (text + " — " if text else "") + row.reason
            if row.caveat:
                status += ": **review**"
                text += " — " + row.caveat
            if row.notes:
                text += " (" + "; ".join(row.notes) + ")"
            lines = ", ".join(str(n) for n in row.lines)
            pattern = f"`{row.pattern}`" if row.kind == "pattern" else f"verb `{row.pattern}`"
            w(
                f"| {lines} | {row.code} | {_cell(row.verb)} | {_cell(pattern)} | {rtype} | "
                f"{status} | {_cell(text)} |"
            )
        w("")

    used = sorted(
        {m.rstrip("_")[1:] for row in rows for m in re.findall(r"&[A-Z0-9_'-]+", row.pattern)}
    )
    w("## Synonym sets used above")
    w("")
    for name in used:
        members = dictionary.sets.get(name)
        if members is None:
            w(f"- `&{name}`: not defined in the dictionary (see the parse notes)")
        else:
            listed = ", ".join(m.lower().replace("_", " ").strip() for m in members)
            w(f"- `&{name}`: {listed}")
    w("")

    in_scope = {n for row in rows for n in row.lines}
    notes = [(n, text) for n, text in issues.items if n in in_scope]
    outside = {n for n, _ in issues.items} - in_scope
    patterns = sum(len(b.patterns) for b in dictionary.blocks)
    verbs = sum(len(b.verbs) for b in dictionary.blocks)
    w("## Parse notes")
    w("")
    w(
        f"The whole file parsed into {len(dictionary.sets)} synonym sets, "
        f"{len(dictionary.blocks)} verb blocks, {verbs} verb lines and {patterns} pattern "
        "lines. Not read: "
        + "; ".join(
            f"the {len(lines)} lines of the {name} section (PETRARCH's rewrites of "
            "sentence-level structures; codes "
            + ", ".join(sorted({m for t in lines for m in re.findall(r"\b\d{3,4}\b", t)}))
            + ", "
            + (
                "some in scope: not covered by this table"
                if any(family_of(m) for t in lines for m in re.findall(r"\b\d{3,4}\b", t))
                else "none in scope"
            )
            + ")"
            for name, lines in dictionary.skipped.items()
        )
        + f". {len(outside)} lines outside the scope do not fit the line syntax "
        "(not listed). Inside the scope, these lines were read with a guess (the file mixes "
        "PETRARCH syntax with TABARI leftovers):"
    )
    w("")
    for number, text in notes:
        w(f"- line {number}: {text}")
    w("")
    return "\n".join(out)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=ROOT.parent / "shared" / "knowledge")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "cameo-coverage.md")
    args = parser.parse_args(list(argv) if argv is not None else None)
    source = args.knowledge / CAMEO_FILE
    issues = Issues()
    dictionary = parse_dictionary(source, issues)
    packs = load_packs(args.models)
    lexicons = {
        name: json.loads((args.models / "lexicons" / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("participation", "modality")
    }
    checker = Checker(compile_rules(packs), lexicons)
    rows = build_rows(dictionary, checker, issues)
    problems = check_types(args.models)
    text = render(rows, dictionary, issues, source, problems)
    args.out.write_text(text + "\n", encoding="utf-8")
    counts = Counter((r.family, r.status) for r in rows)
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
    for family in FAMILIES:
        print(
            family,
            *(f"{s}={counts[(family, s)]}" for s in ("covered", "partly", "not covered")),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
