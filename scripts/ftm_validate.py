#!/usr/bin/env python3
"""Checks a `vigia export ftm` file with the followthemoney package: every line is an entity
of a known schema whose properties exist and hold valid values, and every entity reference
points at an entity of the file whose schema fits the property's range."""
import json
import sys

from followthemoney import model
from followthemoney.exc import InvalidData


def main(path):
    entities, errors = {}, []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                data = json.loads(line)
                proxy = model.get_proxy(data, cleaned=False)
            except (ValueError, InvalidData) as err:
                errors.append(f"line {number}: {err}")
                continue
            for name, values in data.get("properties", {}).items():
                prop = proxy.schema.get(name)
                if prop is None:
                    errors.append(f"line {number}: {proxy.schema.name} has no property {name}")
                    continue
                for value in values:
                    if prop.type.name != "entity" and not prop.type.validate(value):
                        errors.append(f"line {number}: {name}={value!r} is not a valid {prop.type.name}")
            entities[proxy.id] = proxy
    for proxy in entities.values():
        for prop, value in proxy.itervalues():
            if prop.type.name != "entity":
                continue
            target = entities.get(value)
            if target is None:
                errors.append(f"{proxy.id}: {prop.name} points at missing {value}")
            elif not target.schema.is_a(prop.range):
                errors.append(f"{proxy.id}: {prop.name} wants {prop.range.name}, got {target.schema.name}")
    for error in errors:
        print(error)
    schemas = sorted({p.schema.name for p in entities.values()})
    print(f"{len(entities)} entities ({', '.join(schemas)}), {len(errors)} errors")
    return 1 if errors or not entities else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
