#!/usr/bin/env python3
"""Writes schema-verdicts.json: what the JSON Schemas in topics/ say about each document
of schema-examples.json. SchemaAgreementTests then requires the Swift decoders to agree.

CI does not run Python; it checks the committed verdicts and the SHA-256 of every file
recorded here, so rerun this after editing a topic file or the examples:

    python3 Tests/NEREContractsTests/Fixtures/make_schema_verdicts.py

Needs the `jsonschema` package and, for `format: date-time`, `rfc3339-validator`.

schema-examples.json holds, per topic, a `base` document and `examples`. An example has a
`name` and either a complete `document` or changes to the base: `set` (field → value, null
included) and `remove` (field names). An optional `decoder_only_rule` names the
ContractViolation reason of an `x-nere-rules` rule the schema cannot state. Two macros keep
long values readable and are expanded before validation: {"$repeat": "ab", "times": n} is
the string repeated n times, {"$fill": [x, y], "times": n} the list repeated n times.
"""

import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from jsonschema import Draft202012Validator

FIXTURES = Path(__file__).resolve().parent
ROOT = FIXTURES.parents[2]
EXAMPLES = FIXTURES / "schema-examples.json"
VERDICTS = FIXTURES / "schema-verdicts.json"
FORMATS = ("date-time", "ipv4", "ipv6")
MAX_ERROR_CHARS = 160
MAX_ERRORS = 3


def expand(value):
    if isinstance(value, dict):
        if "$repeat" in value:
            return value["$repeat"] * value["times"]
        if "$fill" in value:
            return [expand(v) for v in value["$fill"]] * value["times"]
        return {key: expand(v) for key, v in value.items()}
    if isinstance(value, list):
        return [expand(v) for v in value]
    return value


def document(base, example):
    if "document" in example:
        return expand(example["document"])
    doc = {key: value for key, value in base.items() if key not in example.get("remove", [])}
    doc.update(example.get("set", {}))
    return expand(doc)


def describe(error):
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
    text = f"{path or '(document)'}: {error.message}"
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def relative(path):
    return path.relative_to(ROOT).as_posix()


def main():
    checker = Draft202012Validator.FORMAT_CHECKER
    unchecked = [name for name in FORMATS if name not in checker.checkers]
    if unchecked:
        sys.exit(f"cannot assert formats {unchecked}: pip install rfc3339-validator")
    examples = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    hashes = {relative(EXAMPLES): hashlib.sha256(EXAMPLES.read_bytes()).hexdigest()}
    topics = {}
    for topic, spec in examples["topics"].items():
        topic_file = ROOT / "topics" / f"{topic}.json"
        hashes[relative(topic_file)] = hashlib.sha256(topic_file.read_bytes()).hexdigest()
        schema = json.loads(topic_file.read_text(encoding="utf-8"))["value_schema"]
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=checker)
        verdicts = []
        for example in spec["examples"]:
            doc = document(spec["base"], example)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
            verdicts.append({
                "name": example["name"],
                "json": json.dumps(doc, ensure_ascii=False),
                "schema_valid": not errors,
                "schema_errors": [describe(e) for e in errors[:MAX_ERRORS]]
                + ([f"… {len(errors) - MAX_ERRORS} more"] if len(errors) > MAX_ERRORS else []),
                "decoder_only_rule": example.get("decoder_only_rule"),
            })
        names = [v["name"] for v in verdicts]
        if len(set(names)) != len(names):
            sys.exit(f"{topic}: example names must be unique")
        topics[topic] = verdicts
    output = {
        "generated_by": "python3 " + relative(Path(__file__).resolve()),
        "jsonschema_version": version("jsonschema"),
        "formats_asserted": list(FORMATS),
        "decoder_now": examples["decoder_now"],
        "files_sha256": hashes,
        "topics": topics,
    }
    VERDICTS.write_text(json.dumps(output, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for topic, verdicts in topics.items():
        valid = sum(v["schema_valid"] for v in verdicts)
        print(f"{topic}: {len(verdicts)} examples, {valid} valid")


if __name__ == "__main__":
    main()
