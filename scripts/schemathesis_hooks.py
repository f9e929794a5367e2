"""Schemathesis hooks for scripts/schemathesis.sh (loaded through SCHEMATHESIS_HOOKS).

`from` and `to` (the years a relation was signed in, on /relations and the exports) are each
described by their schema, but that `from` is no later than `to` is a rule between two
parameters, which OpenAPI cannot state: the server answers a reversed range with a 400 naming
`from`, as `citydip relations --from --to` does. Generated queries that reverse the range are
left out, so that the check that valid requests are accepted is not run on a request the
document's prose refuses; every other combination, and every other check, is run as generated.
"""

import re

import schemathesis

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YEAR = re.compile(r"^[ \t]*([0-9]{4})[ \t]*([Ss][Hh])?[ \t]*$")


def _years(text):
    """The Gregorian years a `from` or `to` value may stand for, with its calendar; None if unread."""
    if not isinstance(text, str):
        return None
    match = _YEAR.match(text.translate(_DIGITS))
    if not match:
        return None
    year = int(match.group(1))
    # A Solar Hijri year spans the end of one Gregorian year and the start of the next.
    return (year + 621, year + 622, "sh", year) if match.group(2) else (year, year, "gregorian", year)


@schemathesis.hook
def filter_query(context, query):
    if not query or "from" not in query or "to" not in query:
        return True
    first, last = _years(query["from"]), _years(query["to"])
    if first is None or last is None:
        return True
    reversed_in_one_calendar = first[2] == last[2] and first[3] > last[3]
    return not (first[0] > last[1] or reversed_in_one_calendar)
