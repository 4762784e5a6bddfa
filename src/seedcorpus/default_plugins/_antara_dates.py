"""The page's own date line as ANTARA, other sites, feeds and the English site print it:
``27 Januari 2016 14:53 WIB``, ``Sen, 16 Des 2024 17:02 WITA``, ``December 3, 2024 10:05
WIB``, ``2024-12-20T09:30:00+07:00``; and the time it states.

:mod:`._antara_lines` holds the other line shapes and re-exports these.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

__all__ = [
    "DATE_LINE",
    "DATE_LINE_REACH",
    "DATE_STARTS",
    "MONTHS",
    "MONTH_NAMES",
    "ZONES",
    "date_line_time",
]

# Whitespace inside a line, U+00A0 included.
H = r"[^\S\r\n]"

# Weekdays as ANTARA prints them, abbreviated as other sites do ("Sen, 16 Des 2024"),
# and in English (feeds, the English site).
_WEEKDAY = (
    r"(?:Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad|Sen|Sel|Rab|Kam|Jum|Sab|Min"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
)
# The month names ANTARA prints (MONTHS also reads abbreviations, old spellings and the
# English site's names); the antara exporter writes them.
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS = {name.casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3].casefold(): number for name, number in MONTHS.items()}
MONTHS |= {"pebruari": 2, "nopember": 11, "agu": 8, "agt": 8, "okt": 10, "des": 12}
# The English site's pages: "27 January 2016 14:53 WIB".
MONTHS |= {"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7}
MONTHS |= {"august": 8, "october": 10, "december": 12, "mar": 3, "aug": 8, "oct": 10}
MONTHS |= {"dec": 12}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# What other sites print before their date: "Diterbitkan 04 Des 2024, 09:15 WIB".
_DATE_WORD = (
    rf"(?:(?:Diterbitkan|Diperbarui|Dipublikasikan|Terbit|Published|Updated|Posted)"
    rf"(?:{H}+(?:pada|on))?{H}*:?{H}*)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# A page's own date line: "27 Januari 2016 14:53 WIB", with a weekday in front and a view
# count after in a trailer ("Rabu, 23 September 2020 20:02 WIB 7522", "... WIB | 7522");
# or ISO as page stores and feeds write it ("2016-01-27 14:53", "2024-12-20T09:30:00+07:00");
# or day-month-year after an old page's desk code ("12-03-2015 14:22:11") or on other
# sites ("02/12/2024 16:30"); or as English pages and feeds print it ("December 3, 2024",
# "2nd December 2024 18:20 GMT+700", "Tue, 03 Dec 2024 08:31:12 +0700").
DATE_LINE = re.compile(
    rf"{H}*{_DATE_WORD}?(?:{_WEEKDAY}{H}*,?{H}*)?"
    rf"(?:(?P<day>[0-9]{{1,2}}){_ORDINAL}{H}+(?P<month>(?i:{_MONTH}))\.?,?{H}+(?P<year>[0-9]{{4}})"
    rf"|(?P<month_first>(?i:{_MONTH}))\.?{H}+(?P<day_after>[0-9]{{1,2}}){_ORDINAL}{H}*,?{H}*"
    rf"(?P<year_after>[0-9]{{4}})"
    rf"|(?P<iso>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})"
    rf"|(?P<dmy>[0-9]{{1,2}}-[0-9]{{1,2}}-[0-9]{{4}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}))"
    rf"(?:(?:T|{H}*[,|/\-–]?{H}*(?:(?i:pukul){H}+)?)(?P<hour>[0-9]{{1,2}})[:.](?P<minute>[0-9]{{2}})"
    rf"(?::(?P<second>[0-9]{{2}})(?:\.[0-9]{{1,6}})?)?"
    rf"(?:{H}*(?P<zone>WIB|WITA|WIT)"
    rf"|{H}*(?P<offset>(?:GMT|UTC){H}?[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?|[+-][0-9]{{2}}:?[0-9]{{2}}|Z)"
    rf")?)?"
    rf"(?:{H}*[|·•]?{H}+(?P<views>[0-9][0-9.,]*)(?:{H}+(?i:kali{H}+dibaca|views?|dilihat))?)?"
    rf"{H}*\Z"
)
# How a date line may start: a digit, a weekday, a month (first), a word before the
# date. Only a short unit that starts so is tried against DATE_LINE.
DATE_STARTS = (
    *"0123456789",
    *("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min", "Ahad"),
    *("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    *("Jan", "Feb", "Peb", "Mar", "Apr", "Mei", "May", "Jun", "Jul", "Agu", "Aug", "Sep"),
    *("Okt", "Oct", "Nov", "Nop", "Des", "Dec"),
    *("Diterbitkan", "Diperbarui", "Dipublikasikan", "Terbit", "Published", "Updated"),
    "Posted",
)
DATE_LINE_REACH = 80
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}


def date_line_time(match: re.Match[str]) -> tuple[datetime | None, bool]:
    """The time a :data:`DATE_LINE` match gives, timezone-aware, and whether the zone was
    assumed (WIB, where the line has a time but no zone); ``None`` without a time or for
    an impossible date."""
    if match["hour"] is None:
        return None, False
    try:
        if match["iso"] is not None:
            year, month, day = map(int, match["iso"].split("-"))
        elif match["dmy"] is not None:
            day, month, year = map(int, match["dmy"].replace("/", "-").split("-"))
        elif match["month_first"] is not None:
            year, month = int(match["year_after"]), MONTHS[match["month_first"].casefold()]
            day = int(match["day_after"])
        else:
            year, month = int(match["year"]), MONTHS[match["month"].casefold()]
            day = int(match["day"])
        zone = match["zone"]
        if match["offset"] is not None:
            offset = _offset(match["offset"])
        else:
            offset = timezone(timedelta(hours=ZONES[zone or "WIB"]))
        second = int(match["second"] or 0)
        moment = datetime(year, month, day, int(match["hour"]), int(match["minute"]), second)
    except (ValueError, KeyError):
        return None, False
    return moment.replace(tzinfo=offset), zone is None and match["offset"] is None


def _offset(printed: str) -> timezone:
    """The zone of a numeric offset as pages print it: ``+0700``, ``+07:00``, ``GMT+7``,
    ``GMT+700``, ``Z``; ``ValueError`` beyond a day."""
    if printed == "Z":
        return UTC
    digits = printed.lstrip("GMTUC \t\xa0")
    sign = -1 if digits[0] == "-" else 1
    digits = digits[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
