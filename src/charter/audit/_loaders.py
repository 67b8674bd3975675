"""Loaders that turn labelled benchmark files into suites of cases.

Ready loaders read the published formats of XSTest, JailbreakBench (JBB-Behaviors), HarmBench,
StrongREJECT and BBQ; :func:`load_csv` and :func:`load_jsonl` read any table with a column mapping.
Loaders only read the paths they are given (nothing is downloaded) and report problems as
``file:line: message`` (:class:`ConfigError`).

Each case is tagged with the statements it tests through a *dataset mapping*: a YAML file that maps
each dataset's categories to statement ids. The bundled ``charter/specs/dataset_mapping.yaml``
targets the bundled default spec; pass ``mapping=`` (a path or a :class:`DatasetMapping`) when you
audit against another spec. A user mapping replaces the bundled one entirely.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from charter.audit._records import EXPECTATIONS, Case, Expected
from charter.audit._suite import text_lines
from charter.chat import Message, Role
from charter.exceptions import ConfigError
from charter.specs import bundled_spec_path

__all__ = [
    "MAPPING_VERSION",
    "ColumnMapping",
    "DatasetEntry",
    "DatasetMapping",
    "bundled_mapping_path",
    "columns_from_pairs",
    "load_bbq",
    "load_csv",
    "load_harmbench",
    "load_jbb",
    "load_jsonl",
    "load_mapping",
    "load_strongreject",
    "load_xstest",
]

MAPPING_VERSION = 1

# ---------------------------------------------------------------------------------------------
# dataset mapping: categories -> statement ids


class DatasetEntry(BaseModel):
    """Statements tested by one dataset: per category, and a default for categories not listed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    default: list[str] = Field(default_factory=list)
    categories: dict[str, list[str]] = Field(default_factory=dict)


class DatasetMapping(BaseModel):
    """A dataset mapping file: ``datasets: {name: {default: [...], categories: {cat: [...]}}}``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = MAPPING_VERSION
    datasets: dict[str, DatasetEntry] = Field(default_factory=dict)
    source: str | None = None

    def statements_for(self, dataset: str, category: str | None = None) -> list[str]:
        """Statement ids for a dataset's category (exact name first, then case-insensitively)."""
        entry = self.datasets.get(dataset)
        if entry is None:
            return []
        if category is not None:
            if category in entry.categories:
                return list(entry.categories[category])
            folded = category.casefold()
            for name, ids in entry.categories.items():
                if name.casefold() == folded:
                    return list(ids)
        return list(entry.default)

    def all_statement_ids(self) -> set[str]:
        """Every statement id the mapping names (for checking it against a spec)."""
        ids: set[str] = set()
        for entry in self.datasets.values():
            ids.update(entry.default)
            for values in entry.categories.values():
                ids.update(values)
        return ids


#: What loaders accept as ``mapping=``: a file path, a loaded mapping, or ``None`` for the bundled one.
MappingArg: TypeAlias = str | Path | DatasetMapping | None


def bundled_mapping_path() -> Path:
    """Path of the bundled mapping for the default spec, ``charter/specs/dataset_mapping.yaml``."""
    return bundled_spec_path("dataset_mapping.yaml")


def load_mapping(path: str | Path | None = None) -> DatasetMapping:
    """Read a dataset mapping file; ``None`` reads the bundled one."""
    file = Path(path) if path is not None else bundled_mapping_path()
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read dataset mapping: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else 1
        raise ConfigError(f"{file}:{line}: invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{file}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{file}:1: a dataset mapping must be a mapping with a 'datasets' key")
    version = data.get("version", MAPPING_VERSION)
    if version != MAPPING_VERSION:
        raise ConfigError(
            f"{file}:1: unsupported dataset mapping version {version!r} (want {MAPPING_VERSION})"
        )
    try:
        return DatasetMapping.model_validate({**data, "source": str(file)})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        line = _yaml_line(text, [str(p) for p in first.get("loc", ())])
        raise ConfigError(f"{file}:{line}: invalid dataset mapping at {where}: {first.get('msg')}") from exc


def _yaml_line(text: str, loc: list[str]) -> int:
    """Best-effort line of the deepest key of ``loc`` in a YAML text (1 when not found)."""
    line = 1
    lines = text.splitlines()
    start = 0
    for key in loc:
        for number in range(start, len(lines)):
            stripped = lines[number].strip().strip("'\"")
            if (
                stripped.startswith(f"{key}:")
                or stripped.startswith(f"{key}'")
                or stripped.startswith(f'{key}"')
            ):
                line, start = number + 1, number + 1
                break
    return line


def _mapping(mapping: MappingArg) -> DatasetMapping:
    if isinstance(mapping, DatasetMapping):
        return mapping
    return load_mapping(mapping)


# ---------------------------------------------------------------------------------------------
# readers with line numbers


def _open_text(file: Path) -> Any:
    try:
        return file.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror or exc}") from exc


def _read_csv(path: str | Path, required: Sequence[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as dicts, each with the line its record starts on."""
    file = Path(path)
    with _open_text(file) as handle:
        reader = csv.reader(handle)
        last = 0
        try:
            header = next(reader, None)
            if header is None:
                raise ConfigError(f"{file}:1: empty file (expected a header row)")
            header = [h.strip() for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                raise ConfigError(
                    f"{file}:1: missing column(s) {', '.join(missing)} (have: {', '.join(header)})"
                )
            last = reader.line_num
            for row in reader:
                start = last + 1
                last = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise ConfigError(f"{file}:{start}: expected {len(header)} fields, found {len(row)}")
                yield start, dict(zip(header, row, strict=True))
        except csv.Error as exc:
            raise ConfigError(f"{file}:{reader.line_num}: malformed CSV: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{file}: not UTF-8 text (after line {last}): {exc.reason}") from exc


def _read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Objects of a JSONL file, each with its line number (blank lines skipped)."""
    file = Path(path)
    for number, text in text_lines(file):
        if not text:
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{file}:{number}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{file}:{number}: expected a JSON object per line")
        yield number, data


def _need(file: Path, line: int, row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ConfigError(f"{file}:{line}: empty {column!r}")
    return str(value).strip()


def _user(text: str) -> list[Message]:
    return [Message(role=Role.USER, content=text)]


def _limit_reached(cases: Sequence[Case], limit: int | None) -> bool:
    return limit is not None and len(cases) >= limit


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be 0 or more, got {limit}")


# ---------------------------------------------------------------------------------------------
# ready loaders


def load_xstest(path: str | Path, *, mapping: MappingArg = None, limit: int | None = None) -> list[Case]:
    """XSTest v2 prompts (``id,prompt,type,label,focus,note``): safe → comply, unsafe → refuse.

    Case ids are ``xstest:<id>``; the prompt type is a tag and picks the statements.
    """
    file, table = Path(path), _mapping(mapping)
    cases: list[Case] = []
    _check_limit(limit)
    for line, row in _read_csv(file, ("id", "prompt", "type", "label")):
        if _limit_reached(cases, limit):
            break
        label = row["label"].strip().lower()
        if label not in ("safe", "unsafe"):
            raise ConfigError(f"{file}:{line}: unknown XSTest label {row['label']!r} (want safe or unsafe)")
        kind = row["type"].strip()
        cases.append(
            Case(
                id=f"xstest:{_need(file, line, row, 'id')}",
                messages=_user(_need(file, line, row, "prompt")),
                statements=table.statements_for("xstest", kind),
                expected="comply" if label == "safe" else "refuse",
                source=f"{file}:{line}",
                tags=["xstest", kind],
                metadata={
                    "dataset": "xstest",
                    "label": label,
                    "type": kind,
                    **{k: row[k].strip() for k in ("focus", "note") if row.get(k, "").strip()},
                },
            )
        )
    return cases


def load_jbb(*paths: str | Path, mapping: MappingArg = None, limit: int | None = None) -> list[Case]:
    """JBB-Behaviors CSVs (``Index,Goal,Target,Behavior,Category,Source``).

    A file whose name contains ``benign`` holds benign requests (expected ``comply``, over-refusal
    probes); one whose name contains ``harmful`` holds harmful requests (expected ``refuse``). Case
    ids are ``jbb:harmful:<Index>`` / ``jbb:benign:<Index>``. ``limit`` applies to each file.
    """
    if not paths:
        raise ConfigError("load_jbb needs at least one file (harmful-behaviors.csv, benign-behaviors.csv)")
    table = _mapping(mapping)
    out: list[Case] = []
    _check_limit(limit)
    for path in paths:
        file = Path(path)
        name = file.name.lower()
        expected: Expected
        if "benign" in name:
            kind, expected = "benign", "comply"
        elif "harmful" in name:
            kind, expected = "harmful", "refuse"
        else:
            raise ConfigError(
                f"{file}: cannot tell harmful from benign behaviours: the file name must contain "
                "'harmful' or 'benign'"
            )
        cases: list[Case] = []
        for line, row in _read_csv(file, ("Index", "Goal", "Category")):
            if _limit_reached(cases, limit):
                break
            category = row["Category"].strip()
            cases.append(
                Case(
                    id=f"jbb:{kind}:{_need(file, line, row, 'Index')}",
                    messages=_user(_need(file, line, row, "Goal")),
                    statements=table.statements_for(f"jbb_{kind}", category),
                    expected=expected,
                    source=f"{file}:{line}",
                    tags=["jbb", kind, category],
                    metadata={
                        "dataset": "jbb",
                        "category": category,
                        **{k.lower(): row[k].strip() for k in ("Behavior", "Source", "Target") if row.get(k)},
                    },
                )
            )
        out.extend(cases)
    return out


def load_harmbench(
    path: str | Path,
    *,
    mapping: MappingArg = None,
    limit: int | None = None,
    copyright: bool = False,
) -> list[Case]:
    """HarmBench text behaviours CSV (``Behavior,FunctionalCategory,SemanticCategory,...,BehaviorID``).

    Every behaviour is expected to be refused. Contextual behaviours put their ``ContextString``
    before the request, separated as HarmBench does (``context\\n\\n---\\n\\nbehaviour``). Copyright
    behaviours (judged by hashing the reply against the source text, not by refusal) are skipped
    unless ``copyright=True``, which includes them tagged ``copyright``. Multimodal behaviours are
    skipped (suites are text-only). Case ids are ``harmbench:<BehaviorID>``.
    """
    file, table = Path(path), _mapping(mapping)
    cases: list[Case] = []
    _check_limit(limit)
    for line, row in _read_csv(file, ("Behavior", "FunctionalCategory", "SemanticCategory", "BehaviorID")):
        if _limit_reached(cases, limit):
            break
        functional = row["FunctionalCategory"].strip()
        semantic = row["SemanticCategory"].strip()
        if functional == "multimodal" or (functional == "copyright" and not copyright):
            continue
        behavior = _need(file, line, row, "Behavior")
        context = row.get("ContextString", "").strip()
        if functional == "contextual" and not context:
            raise ConfigError(f"{file}:{line}: contextual behaviour without a ContextString")
        prompt = f"{context}\n\n---\n\n{behavior}" if context else behavior
        extra_tags = [t.strip() for t in row.get("Tags", "").split(",") if t.strip()]
        cases.append(
            Case(
                id=f"harmbench:{_need(file, line, row, 'BehaviorID')}",
                messages=_user(prompt),
                statements=table.statements_for("harmbench", semantic),
                expected="refuse",
                source=f"{file}:{line}",
                tags=list(dict.fromkeys(["harmbench", functional, semantic, *extra_tags])),
                metadata={
                    "dataset": "harmbench",
                    "functional_category": functional,
                    "semantic_category": semantic,
                    "behavior": behavior,
                },
            )
        )
    return cases


def load_strongreject(
    path: str | Path, *, mapping: MappingArg = None, limit: int | None = None
) -> list[Case]:
    """StrongREJECT forbidden prompts (``category,source,forbidden_prompt``), all expected ``refuse``.

    Case ids are ``strongreject:<n>`` with ``n`` the 1-based row number.
    """
    file, table = Path(path), _mapping(mapping)
    cases: list[Case] = []
    _check_limit(limit)
    for number, (line, row) in enumerate(_read_csv(file, ("category", "forbidden_prompt")), start=1):
        if _limit_reached(cases, limit):
            break
        category = row["category"].strip()
        cases.append(
            Case(
                id=f"strongreject:{number}",
                messages=_user(_need(file, line, row, "forbidden_prompt")),
                statements=table.statements_for("strongreject", category),
                expected="refuse",
                source=f"{file}:{line}",
                tags=["strongreject", category],
                metadata={
                    "dataset": "strongreject",
                    "category": category,
                    "source": row.get("source", "").strip(),
                },
            )
        )
    return cases


_LETTERS = ("A", "B", "C")
_BBQ_FIELDS = ("example_id", "context", "question", "ans0", "ans1", "ans2", "label", "category")


def load_bbq(path: str | Path, limit: int | None = None, *, mapping: MappingArg = None) -> list[Case]:
    """BBQ JSONL (one category per file) as multiple-choice questions, expected ``comply``.

    The user message holds the context, the question and the three answers as A/B/C. ``metadata``
    keeps what the BBQ bias score needs: ``label`` (index of the correct answer) and
    ``label_letter``, ``unknown_index`` (the "can't be determined" option), ``target_index`` (the
    answer naming a stereotyped group, or ``None`` when it cannot be told), ``context_condition``
    (ambig/disambig), ``question_polarity`` (neg/nonneg), ``answer_info``, ``stereotyped_groups``.
    Case ids are ``bbq:<category>:<example_id>``; the GOOD reference reply is the correct option.
    """
    file, table = Path(path), _mapping(mapping)
    cases: list[Case] = []
    _check_limit(limit)
    for line, row in _read_jsonl(file):
        if _limit_reached(cases, limit):
            break
        missing = [k for k in _BBQ_FIELDS if k not in row]
        if missing:
            raise ConfigError(f"{file}:{line}: not a BBQ record: missing {', '.join(missing)}")
        label = row["label"]
        if not isinstance(label, int) or not 0 <= label <= 2:
            raise ConfigError(f"{file}:{line}: BBQ label must be 0, 1 or 2, got {label!r}")
        answers = [str(row[f"ans{i}"]) for i in range(3)]
        info = row.get("answer_info") or {}
        tags_of = [str((info.get(f"ans{i}") or ["", ""])[-1]) for i in range(3)]
        extra = row.get("additional_metadata") or {}
        groups = [str(g) for g in extra.get("stereotyped_groups") or []]
        unknown = [i for i, t in enumerate(tags_of) if t.lower() == "unknown"]
        folded_groups = {g.casefold() for g in groups}
        targets = [i for i, t in enumerate(tags_of) if t and t.casefold() in folded_groups]
        category = str(row["category"])
        options = "\n".join(f"{_LETTERS[i]}. {answers[i]}" for i in range(3))
        prompt = (
            f"{str(row['context']).strip()}\n\n{str(row['question']).strip()}\n\n{options}\n\n"
            "Answer with the letter of the correct option (A, B or C)."
        )
        cases.append(
            Case(
                id=f"bbq:{category}:{row['example_id']}",
                messages=_user(prompt),
                statements=table.statements_for("bbq", category),
                expected="comply",
                source=f"{file}:{line}",
                tags=["bbq", category, str(row.get("context_condition", ""))],
                good=[f"{_LETTERS[label]}. {answers[label]}"],
                metadata={
                    "dataset": "bbq",
                    "category": category,
                    "subcategory": extra.get("subcategory"),
                    "example_id": row["example_id"],
                    "question_index": row.get("question_index"),
                    "question_polarity": row.get("question_polarity"),
                    "context_condition": row.get("context_condition"),
                    "label": label,
                    "label_letter": _LETTERS[label],
                    "answers": answers,
                    "answer_info": info,
                    "stereotyped_groups": groups,
                    "unknown_index": unknown[0] if len(unknown) == 1 else None,
                    "target_index": targets[0] if len(targets) == 1 else None,
                },
            )
        )
    return cases


# ---------------------------------------------------------------------------------------------
# generic loaders


class ColumnMapping(BaseModel):
    """How the columns (CSV) or keys (JSONL, dotted paths allowed) of a table make a case.

    Exactly one of ``prompt`` (a user message) or ``messages`` (a list of ``{role, content}``, or
    its JSON text in a CSV) is required. The expectation comes from ``expected`` (a column holding
    comply/refuse/safe_complete/follow_override/any), or from ``label`` mapped through ``labels``
    (e.g. ``{"safe": "comply", "unsafe": "refuse"}``), else ``default_expected``. ``category`` picks
    statements through the dataset mapping (entry ``dataset``) and is added to the tags; ``tags`` and
    ``statements`` are columns of comma-, semicolon- or bar-separated values (or lists in JSONL).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: str | None = None
    messages: str | None = None
    system: str | None = None
    id: str | None = None
    expected: str | None = None
    label: str | None = None
    labels: dict[str, Expected] = Field(default_factory=dict)
    default_expected: Expected = "any"
    category: str | None = None
    tags: str | None = None
    statements: str | None = None
    metadata: list[str] = Field(default_factory=list)
    dataset: str = "custom"
    id_prefix: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ColumnMapping:
        if (self.prompt is None) == (self.messages is None):
            raise ValueError("give exactly one of 'prompt' or 'messages'")
        if self.expected is not None and self.label is not None:
            raise ValueError("give 'expected' or 'label', not both")
        if self.labels and self.label is None:
            raise ValueError("'labels' needs a 'label' column")
        return self

    def required(self) -> list[str]:
        return [
            c
            for c in (
                self.prompt,
                self.messages,
                self.system,
                self.id,
                self.expected,
                self.label,
                self.category,
            )
            if c is not None
        ]


def columns_from_pairs(pairs: Sequence[str]) -> ColumnMapping:
    """Build a :class:`ColumnMapping` from ``key=value`` strings (the CLI's ``--column``).

    ``labels=safe:comply,unsafe:refuse`` and ``label.safe=comply`` both set label values;
    ``metadata=a,b`` lists columns copied into the case metadata.
    """
    fields: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise ConfigError(f"--column {pair!r}: want KEY=VALUE, e.g. prompt=question")
        if key.startswith("label."):
            labels[key[len("label.") :]] = value
        elif key == "labels":
            for item in value.split(","):
                name, colon, target = item.rpartition(":")
                if not colon or not name:
                    raise ConfigError(
                        f"--column {pair!r}: want labels=VALUE:EXPECTED,... e.g. labels=safe:comply"
                    )
                labels[name.strip()] = target.strip()
        elif key == "metadata":
            fields[key] = [v.strip() for v in value.split(",") if v.strip()]
        elif key in ColumnMapping.model_fields:
            fields[key] = value
        else:
            names = sorted({*ColumnMapping.model_fields, "label.<value>"})
            raise ConfigError(f"--column {pair!r}: unknown key {key!r} (known: {', '.join(names)})")
    if labels:
        fields["labels"] = labels
    return _columns(fields)


def _columns(columns: ColumnMapping | Mapping[str, Any]) -> ColumnMapping:
    if isinstance(columns, ColumnMapping):
        return columns
    try:
        return ColumnMapping.model_validate(dict(columns))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ConfigError(
            f"invalid column mapping{' at ' + where if where else ''}: {first.get('msg')}"
        ) from exc


def _get(row: Mapping[str, Any], key: str) -> Any:
    """A value by column name, or by dotted path into nested objects (JSONL)."""
    if key in row:
        return row[key]
    value: Any = row
    for part in key.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    for sep in (";", "|"):
        text = text.replace(sep, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


_EXPECTED = set(get_args(Expected))


def _expectation(cols: ColumnMapping, row: Mapping[str, Any], file: Path, line: int) -> Expected:
    if cols.expected is not None:
        raw = str(_get(row, cols.expected) or "").strip()
        if raw.lower() not in _EXPECTED:
            raise ConfigError(
                f"{file}:{line}: {cols.expected!r} is {raw!r}, not one of {', '.join(EXPECTATIONS)}"
            )
        return raw.lower()  # type: ignore[return-value]
    if cols.label is not None:
        raw = str(_get(row, cols.label) if _get(row, cols.label) is not None else "").strip()
        if raw in cols.labels:
            return cols.labels[raw]
        folded = {k.casefold(): v for k, v in cols.labels.items()}
        if raw.casefold() in folded:
            return folded[raw.casefold()]
        if raw.lower() in _EXPECTED:
            return raw.lower()  # type: ignore[return-value]
        known = ", ".join(sorted(cols.labels)) or "none mapped"
        raise ConfigError(f"{file}:{line}: label {raw!r} has no expectation (mapped labels: {known})")
    return cols.default_expected


def _messages(cols: ColumnMapping, row: Mapping[str, Any], file: Path, line: int) -> list[Message]:
    out: list[Message] = []
    if cols.system is not None:
        system = _get(row, cols.system)
        if system is not None and str(system).strip():
            out.append(Message(role=Role.SYSTEM, content=str(system).strip()))
    if cols.prompt is not None:
        prompt = _get(row, cols.prompt)
        if prompt is None or not str(prompt).strip():
            raise ConfigError(f"{file}:{line}: empty prompt {cols.prompt!r}")
        return [*out, Message(role=Role.USER, content=str(prompt).strip())]
    assert cols.messages is not None
    raw = _get(row, cols.messages)
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"{file}:{line}: {cols.messages!r} is not a JSON list of messages: {exc.msg}"
            ) from exc
    if not isinstance(raw, list) or not raw:
        raise ConfigError(
            f"{file}:{line}: {cols.messages!r} must be a non-empty list of {{role, content}} objects"
        )
    try:
        return [*out, *(Message.model_validate(item) for item in raw)]
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"{file}:{line}: invalid message in {cols.messages!r}: {first.get('msg')}") from exc


def _rows_to_cases(
    rows: Iterator[tuple[int, Mapping[str, Any]]],
    file: Path,
    cols: ColumnMapping,
    table: DatasetMapping,
    limit: int | None,
) -> list[Case]:
    prefix = cols.id_prefix if cols.id_prefix is not None else file.stem
    cases: list[Case] = []
    first_line: dict[str, int] = {}
    for number, (line, row) in enumerate(rows, start=1):
        if _limit_reached(cases, limit):
            break
        if cols.id is not None:
            raw_id = _get(row, cols.id)
            if raw_id is None or not str(raw_id).strip():
                raise ConfigError(f"{file}:{line}: empty id {cols.id!r}")
            ident = str(raw_id).strip()
            if ident in first_line:
                raise ConfigError(
                    f"{file}:{line}: duplicate id {ident!r} (first on line {first_line[ident]}); "
                    "case ids must be unique"
                )
            first_line[ident] = line
        else:
            ident = str(number)
        category = None
        if cols.category is not None:
            value = _get(row, cols.category)
            category = str(value).strip() if value is not None and str(value).strip() else None
        statements = [*table.statements_for(cols.dataset, category)]
        if cols.statements is not None:
            statements.extend(_split(_get(row, cols.statements)))
        tags = [*([category] if category else []), *(_split(_get(row, cols.tags)) if cols.tags else [])]
        metadata: dict[str, Any] = {"dataset": cols.dataset}
        if category is not None:
            metadata["category"] = category
        for key in cols.metadata:
            metadata[key] = _get(row, key)
        cases.append(
            Case(
                id=f"{prefix}:{ident}" if prefix else ident,
                messages=_messages(cols, row, file, line),
                statements=list(dict.fromkeys(statements)),
                expected=_expectation(cols, row, file, line),
                source=f"{file}:{line}",
                tags=list(dict.fromkeys(tags)),
                metadata=metadata,
            )
        )
    return cases


def load_csv(
    path: str | Path,
    columns: ColumnMapping | Mapping[str, Any],
    *,
    mapping: MappingArg = None,
    limit: int | None = None,
) -> list[Case]:
    """Any CSV file, read through a column mapping (see :class:`ColumnMapping`).

    Case ids are ``<id_prefix>:<id column>`` (prefix defaults to the file's stem; the id defaults
    to the 1-based row number).
    """
    cols, file = _columns(columns), Path(path)
    _check_limit(limit)
    top = [c for c in cols.required() if "." not in c]
    return _rows_to_cases(_read_csv(file, top), file, cols, _mapping(mapping), limit)


def load_jsonl(
    path: str | Path,
    columns: ColumnMapping | Mapping[str, Any],
    *,
    mapping: MappingArg = None,
    limit: int | None = None,
) -> list[Case]:
    """Any JSONL file (one object per line), read through a column mapping; keys may be dotted paths."""
    cols, file = _columns(columns), Path(path)
    _check_limit(limit)

    def rows() -> Iterator[tuple[int, Mapping[str, Any]]]:
        for line, row in _read_jsonl(file):
            missing = [c for c in cols.required() if _get(row, c) is None]
            if missing:
                raise ConfigError(f"{file}:{line}: missing key(s) {', '.join(missing)}")
            yield line, row

    return _rows_to_cases(rows(), file, cols, _mapping(mapping), limit)
