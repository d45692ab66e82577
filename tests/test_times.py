"""The times stage on hand-written sentences: spans, TIMEX3 types and values against a fixed anchor date.

Each row is (text, anchor, expected) with expected a list of (span text, type, value) that must all be found
exactly; the negative rows list stretches of text that must not be tagged. spaCy is loaded once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline
from dateline.stages.entities import Entities
from dateline.stages.metadata import Metadata
from dateline.stages.sentences import Sentences
from dateline.stages.times import ClauseDate, Times, date_clause

pytestmark = pytest.mark.model

A = "2024-05-16"  # a Thursday
EXAMPLE = Path(__file__).parents[1] / ".." / "shared" / "examples" / "000_a1ff4d17ec0d6026.txt"

Row = tuple[str, str | None, list[tuple[str, str, str]]]

ABSOLUTE: list[Row] = [
    ("The summit opened on 16th May 2024.", A, [("16th May 2024", "DATE", "2024-05-16")]),
    ("It was signed on May 16, 2024, in Paris.", A, [("May 16, 2024", "DATE", "2024-05-16")]),
    ("The deal closed May 9.", A, [("May 9", "DATE", "2024-05-09")]),
    ("Talks resume on 3 June.", A, [("3 June", "DATE", "2024-06-03")]),
    ("The law took effect on the 1st of March.", A, [("the 1st of March", "DATE", "2024-03-01")]),
    ("Elections were held in February 2022.", A, [("February 2022", "DATE", "2022-02")]),
    ("The plant closed in 2022.", A, [("2022", "DATE", "2022")]),
    ("He was born in 1961 in Ohio.", A, [("1961", "DATE", "1961")]),
    ("The form is dated 16/05/2024.", A, [("16/05/2024", "DATE", "2024-05-16")]),
    ("The form is dated 05/06/2024.", A, [("05/06/2024", "DATE", "2024-05-06")]),
    ("On 16 May officials said the form was dated 05/06/2024.", A, [("05/06/2024", "DATE", "2024-06-05")]),
    ("The report is dated 2024-05-10.", A, [("2024-05-10", "DATE", "2024-05-10")]),
    ("The vote on Friday, Oct. 23, 2020 was close.", A, [("Friday, Oct. 23, 2020", "DATE", "2020-10-23")]),
    ("The fiscal year ended Sept. 30.", A, [("Sept. 30", "DATE", "2023-09-30")]),
    ("The deadline is June 30.", A, [("June 30", "DATE", "2024-06-30")]),
    ("The treaty was signed on Aug. 7, 1998.", A, [("Aug. 7, 1998", "DATE", "1998-08-07")]),
    ("Prices peaked in mid-2023.", A, [("mid-2023", "DATE", "2023")]),
    ("The company's fiscal 2024 results disappointed.", A, [("fiscal 2024", "DATE", "2024")]),
    ("Growth was fast in the 1990s.", A, [("the 1990s", "DATE", "199X")]),
    ("The junta ruled until the late 1970s.", A, [("the late 1970s", "DATE", "197X")]),
    ("Music from the '80s played.", A, [("the '80s", "DATE", "198X")]),
    ("It was a war of the 20th century.", A, [("the 20th century", "DATE", "19")]),
    ("The temple dates from the 11th century.", A, [("the 11th century", "DATE", "10")]),
    ("Fires raged in the summer of 2023.", A, [("the summer of 2023", "DATE", "2023-SU")]),
    ("Revenue grew in Q2 2023.", A, [("Q2 2023", "DATE", "2023-Q2")]),
    ("Profit fell in the second quarter of 2023.", A, [("the second quarter of 2023", "DATE", "2023-Q2")]),
    ("Sales rose in the first half of 2023.", A, [("the first half of 2023", "DATE", "2023-H1")]),
    ("Shops close on Christmas Day.", A, [("Christmas Day", "DATE", "2024-12-25")]),
    ("The family met at Easter.", A, [("Easter", "DATE", "2024-03-31")]),
    ("She will travel home for Thanksgiving.", A, [("Thanksgiving", "DATE", "2024-11-28")]),
    ("They celebrated New Year's Day quietly.", A, [("New Year's Day", "DATE", "2024-01-01")]),
    ("Plans for the year two thousand were drawn up.", A, [("the year two thousand", "DATE", "2000")]),
    ("It happened in nineteen ninety-seven.", A, [("nineteen ninety-seven", "DATE", "1997")]),
    ("The army was founded on 4 July 1950.", A, [("4 July 1950", "DATE", "1950-07-04")]),
    ("The accord of January 1998 still holds.", A, [("January 1998", "DATE", "1998-01")]),
    ("Rates rose in March of 2021.", A, [("March of 2021", "DATE", "2021-03")]),
    ("Sales fell in January last year.", A, [("January last year", "DATE", "2023-01")]),
    ("A vote is due in June next year.", A, [("June next year", "DATE", "2025-06")]),
    ("The talks collapsed in April.", A, [("April", "DATE", "2024-04")]),
    ("The summit will take place in July.", A, [("July", "DATE", "2024-07")]),
    ("The invasion began in February 2022, officials recalled.", A, [("February 2022", "DATE", "2022-02")]),
    ("The fund closed by year-end.", A, [("year-end", "DATE", "2024")]),
]

WEEKDAYS: list[Row] = [
    ("Putin arrived on Thursday.", A, [("Thursday", "DATE", "2024-05-16")]),
    ("The interview was published on Wednesday.", A, [("Wednesday", "DATE", "2024-05-15")]),
    ("Xi will host a banquet on Friday.", A, [("Friday", "DATE", "2024-05-17")]),
    ("The ministers met on Monday.", A, [("Monday", "DATE", "2024-05-13")]),
    ("He will fly home on Monday.", A, [("Monday", "DATE", "2024-05-20")]),
    ("The minister said on Sunday that talks had failed.", A, [("Sunday", "DATE", "2024-05-12")]),
    ("Talks resume Saturday.", A, [("Saturday", "DATE", "2024-05-18")]),
    ("She resigned last Friday.", A, [("last Friday", "DATE", "2024-05-10")]),
    ("The vote is next Tuesday.", A, [("next Tuesday", "DATE", "2024-05-21")]),
    ("The team plays this Friday.", A, [("this Friday", "DATE", "2024-05-17")]),
    # TimeBank types a weekday with a part of day as a DATE and keeps the part of day in the value.
    ("Troops crossed the border Thursday morning.", A, [("Thursday morning", "DATE", "2024-05-16TMO")]),
    ("The fire started Wednesday night.", A, [("Wednesday night", "DATE", "2024-05-15TNI")]),
    ("The board will meet on Monday evening.", A, [("Monday evening", "DATE", "2024-05-20TEV")]),
    ("The bill passed on Friday.", A, [("Friday", "DATE", "2024-05-10")]),
    ("Police said on Tuesday that two men were held.", A, [("Tuesday", "DATE", "2024-05-14")]),
    ("The president is expected to visit on Saturday.", A, [("Saturday", "DATE", "2024-05-18")]),
    ("Rescuers had reached the village by Tuesday.", A, [("Tuesday", "DATE", "2024-05-14")]),
    ("Shares closed higher on Friday.", "2024-05-13", [("Friday", "DATE", "2024-05-10")]),
    ("The court will rule on Wednesday.", "2024-05-13", [("Wednesday", "DATE", "2024-05-15")]),
    ("Officials said Friday's vote was fair.", "2024-05-13", [("Friday", "DATE", "2024-05-10")]),
    ("He was released late Friday.", A, [("late Friday", "DATE", "2024-05-10")]),
    ("The station was shelled on Sunday afternoon.", A, [("Sunday afternoon", "DATE", "2024-05-12TAF")]),
]

# What decides the direction of a weekday or a date without a year, besides the plain tense of the verb.
DIRECTION: list[Row] = [
    ("They will appeal the ruling, announced Wednesday by the court.", A, [("Wednesday", "DATE", "2024-05-15")]),
    ("The mayor has scheduled a news conference Friday.", A, [("Friday", "DATE", "2024-05-17")]),
    ("On Monday, the council planned to meet again.", A, [("Monday", "DATE", "2024-05-13")]),
    ("Officials postponed the vote until Tuesday.", A, [("Tuesday", "DATE", "2024-05-21")]),
    ("The board declared a dividend payable Dec. 7.", "1989-10-27", [("Dec. 7", "DATE", "1989-12-07")]),
    ("The change was announced, effective Feb. 1.", "1989-10-26", [("Feb. 1", "DATE", "1990-02-01")]),
    ("The permit had been set to lapse Friday.", "2024-05-20", [("Friday", "DATE", "2024-05-17")]),
    ("Trading in the shares is to resume Tuesday.", "2024-05-17", [("Tuesday", "DATE", "2024-05-21")]),
    ("Officials said Thursday's vote would stand.", "2024-05-20", [("Thursday", "DATE", "2024-05-16")]),
    ("The minister could not be reached on Wednesday.", A, [("Wednesday", "DATE", "2024-05-15")]),
    ("The strike may have begun on Monday.", A, [("Monday", "DATE", "2024-05-13")]),
    (
        "Stocks closed lower on Friday, May 10. The index fell 2% from the previous Friday.",
        A,
        [("the previous Friday", "DATE", "2024-05-03")],
    ),
    ("Elections are due this September.", "2024-02-01", [("this September", "DATE", "2024-09")]),
]

DEICTIC_DAYS: list[Row] = [
    ("The minister resigned yesterday.", A, [("yesterday", "DATE", "2024-05-15")]),
    ("The talks open today.", A, [("today", "DATE", "2024-05-16")]),
    ("The results will come tomorrow.", A, [("tomorrow", "DATE", "2024-05-17")]),
    ("The leaders dine together tonight.", A, [("tonight", "TIME", "2024-05-16TNI")]),
    ("A bomb exploded yesterday morning.", A, [("yesterday morning", "TIME", "2024-05-15TMO")]),
    ("The envoy landed this morning.", A, [("this morning", "TIME", "2024-05-16TMO")]),
    ("Gunfire was heard last night.", A, [("last night", "TIME", "2024-05-15TNI")]),
    ("The ship left the day before yesterday.", A, [("the day before yesterday", "DATE", "2024-05-14")]),
    ("The statement was released late yesterday.", A, [("late yesterday", "DATE", "2024-05-15")]),
    ("Markets fell sharply today.", "2024-01-02", [("today", "DATE", "2024-01-02")]),
]

CLOCK: list[Row] = [
    ("He arrived at around 4am Thursday morning.", A, [("around 4am Thursday morning", "TIME", "2024-05-16T04:00")]),
    ("The blast came at 10:30 p.m.", A, [("10:30 p.m.", "TIME", "2024-05-16T22:30")]),
    ("The ceremony begins at noon.", A, [("noon", "TIME", "2024-05-16T12:00")]),
    ("The curfew starts at midnight.", A, [("midnight", "TIME", "2024-05-16T24:00")]),
    ("Polls opened at 9 a.m. Tuesday.", A, [("9 a.m. Tuesday", "TIME", "2024-05-14T09:00")]),
    ("The quake struck at 4 in the morning.", A, [("4 in the morning", "TIME", "2024-05-16T04:00")]),
    ("The jet landed at 7:15 p.m. EDT.", A, [("7:15 p.m. EDT", "TIME", "2024-05-16T19:15")]),
    ("Trading stopped at 14:00 GMT.", A, [("14:00 GMT", "TIME", "2024-05-16T14:00")]),
    ("The sirens sounded at 6 a.m. yesterday.", A, [("6 a.m. yesterday", "TIME", "2024-05-15T06:00")]),
    ("The offer expires at 5 p.m. EDT, June 3.", A, [("5 p.m. EDT, June 3", "TIME", "2024-06-03T17:00")]),
    ("Police came on Friday, May 10. They left at 9 p.m.", A, [("9 p.m.", "TIME", "2024-05-10T21:00")]),
    ("Police came on Friday, May 10. They left in the morning.", A, [("the morning", "TIME", "2024-05-10TMO")]),
    ("The rally began shortly after 3 pm.", A, [("shortly after 3 pm.", "TIME", "2024-05-16T15:00")]),
    # the 24-hour clock without a colon, told by a zone or "hours" after it; with neither it stays a year
    ("The capsule docked at 1922 UTC yesterday.", A, [("1922 UTC yesterday", "TIME", "2024-05-15T19:22")]),
    ("The patrol returned at 0630 hours.", A, [("0630 hours", "TIME", "2024-05-16T06:30")]),
    ("The ceasefire began at 2100 GMT.", A, [("2100 GMT", "TIME", "2024-05-16T21:00")]),
    ("The treaty dates from 1922 and still holds.", A, [("1922", "DATE", "1922")]),
]

RELATIVE: list[Row] = [
    ("Officials confirmed it last month.", A, [("last month", "DATE", "2024-04")]),
    ("A decision is due next month.", A, [("next month", "DATE", "2024-06")]),
    ("Prices rose this month.", A, [("this month", "DATE", "2024-05")]),
    ("Exports fell last year.", A, [("last year", "DATE", "2023")]),
    ("Elections are due next year.", A, [("next year", "DATE", "2025")]),
    ("Growth slowed this year.", A, [("this year", "DATE", "2024")]),
    ("The envoy visited last week.", A, [("last week", "DATE", "2024-W19")]),
    ("The talks continue this week.", A, [("this week", "DATE", "2024-W20")]),
    ("The report comes out next week.", A, [("next week", "DATE", "2024-W21")]),
    ("The plan was announced earlier this year.", A, [("earlier this year", "DATE", "2024")]),
    ("A verdict is expected later this month.", A, [("later this month", "DATE", "2024-05")]),
    ("The plant reopens early next year.", A, [("early next year", "DATE", "2025")]),
    ("Profit fell last quarter.", A, [("last quarter", "DATE", "2024-Q1")]),
    ("Sales are strong this quarter.", A, [("this quarter", "DATE", "2024-Q2")]),
    ("The drought began last summer.", A, [("last summer", "DATE", "2023-SU")]),
    ("Repairs are planned for next winter.", A, [("next winter", "DATE", "2024-WI")]),
    ("Protests are planned this weekend.", A, [("this weekend", "DATE", "2024-W20-WE")]),
    ("Two people died last weekend.", A, [("last weekend", "DATE", "2024-W19-WE")]),
    ("Talks were held over the weekend.", A, [("the weekend", "DATE", "2024-W19-WE")]),
    ("Unrest grew in the past week.", A, [("the past week", "DATE", "2024-W19")]),
    ("The rebels attacked two weeks ago.", A, [("two weeks ago", "DATE", "2024-W18")]),
    ("The ship sank three days ago.", A, [("three days ago", "DATE", "2024-05-13")]),
    ("The law passed five years ago.", A, [("five years ago", "DATE", "2019")]),
    ("The mine closed two months ago.", A, [("two months ago", "DATE", "2024-03")]),
    ("The war ended a decade ago.", A, [("a decade ago", "DATE", "2014")]),
    ("Cattle sales 41,500 against 47,250 week ago.", A, []),  # a quantity, not 47,250 weeks
    ("The strike ended nearly two years ago.", A, [("nearly two years ago", "DATE", "2022")]),
    (
        "He left in 2010 and returned three years later.",
        A,
        [("2010", "DATE", "2010"), ("three years later", "DATE", "2013")],
    ),
    (
        "The fire began on May 2 and was contained two days later.",
        A,
        [("May 2", "DATE", "2024-05-02"), ("two days later", "DATE", "2024-05-04")],
    ),
    (
        "Protesters gathered on March 3. Police had warned them the previous day.",
        A,
        [("March 3", "DATE", "2024-03-03"), ("the previous day", "DATE", "2024-03-02")],
    ),
    ("The treaty was signed in 2019. The following year it collapsed.", A, [("The following year", "DATE", "2020")]),
    ("Sales rose in 2022, up 4% from a year earlier.", A, [("a year earlier", "DATE", "2021")]),
    ("On April 2 the bridge fell. Rescuers arrived later that day.", A, [("later that day", "DATE", "2024-04-02")]),
    ("Prices rose in June 2021; the next month they fell.", A, [("the next month", "DATE", "2021-07")]),
    ("Profit rose in the third quarter.", A, [("the third quarter", "DATE", "2023-Q3")]),
    ("The bank reported third-quarter profit.", A, [("third-quarter", "DATE", "2023-Q3")]),
    ("Losses widened in the fourth quarter of 2023.", A, [("the fourth quarter of 2023", "DATE", "2023-Q4")]),
    ("This year's first quarter was weak.", A, [("This year's first quarter", "DATE", "2024-Q1")]),
    (
        "First-quarter profit was $5 million, up from $4 million a year ago.",
        A,
        [("First-quarter", "DATE", "2024-Q1"), ("a year ago", "DATE", "2023-Q1")],
    ),
    ("Revenue in the first quarter beat the year-ago quarter.", A, [("the year-ago quarter", "DATE", "2023-Q1")]),
    (
        "In the first quarter, sales grew. The company said the quarter was strong.",
        A,
        [("the first quarter", "DATE", "2024-Q1"), ("the quarter", "DATE", "2024-Q1")],
    ),
    ("Margins improved in the latest quarter.", A, [("the latest quarter", "DATE", "2024-Q1")]),
    ("Unemployment peaked in the last decade.", A, [("the last decade", "DATE", "201X")]),
    ("The firm expects growth for the full year.", A, [("the full year", "DATE", "2024")]),
    ("Rents doubled over the past year.", A, [("the past year", "DATE", "2023")]),
    ("The dam broke the next day.", A, [("the next day", "DATE", "2024-05-17")]),
    ("Profit rose from the year-ago third quarter.", A, [("the year-ago third quarter", "DATE", "2022-Q3")]),
    ("Costs rose on the comparable year-ago quarter.", A, [("the comparable year-ago quarter", "DATE", "2023-Q1")]),
    (
        "Sales rose in the first quarter, beating the corresponding period last year.",
        A,
        [("the corresponding period last year", "DATE", "2023-Q1")],
    ),
    ("In the first quarter, sales beat last year's quarter.", A, [("last year's quarter", "DATE", "2023-Q1")]),
    ("It happened in January nineteen ninety-seven.", A, [("January nineteen ninety-seven", "DATE", "1997-01")]),
    (
        "Floods came in the spring of nineteen eighty-six.",
        A,
        [("the spring of nineteen eighty-six", "DATE", "1986-SP")],
    ),
]

REFERENCES: list[Row] = [
    ("Such plans were not currently in place.", A, [("currently", "DATE", "PRESENT_REF")]),
    ("The city is now calm.", A, [("now", "DATE", "PRESENT_REF")]),
    ("The current crisis deepened.", A, [("current", "DATE", "PRESENT_REF")]),
    ("The minister recently resigned.", A, [("recently", "DATE", "PAST_REF")]),
    ("Such attacks were rare in the past.", A, [("the past", "DATE", "PAST_REF")]),
    ("Talks may resume in the future.", A, [("the future", "DATE", "FUTURE_REF")]),
    ("There is no plan at present.", A, [("at present", "DATE", "PRESENT_REF")]),
    ("Crime has fallen in recent years.", A, [("recent years", "DURATION", "PXY")]),
    ("Few people write letters nowadays.", A, [("nowadays", "DATE", "PRESENT_REF")]),
    ("More troops will arrive in the coming weeks.", A, [("the coming weeks", "DATE", "FUTURE_REF")]),
    ("Rates will fall in coming months.", A, [("coming months", "DATE", "FUTURE_REF")]),
    ("Profits will stay weak in the near term.", A, [("the near term", "DATE", "FUTURE_REF")]),
    ("Details will follow at a later date.", A, [("a later date", "DATE", "FUTURE_REF")]),
    ("Holders could buy shares at the then current price.", A, [("then current", "DATE", "PAST_REF")]),
    ("Relations have soured lately.", A, [("lately", "DATE", "PAST_REF")]),
    ("Nothing has changed so far; right now the border is shut.", A, [("right now", "DATE", "PRESENT_REF")]),
]

DURATIONS: list[Row] = [
    ("Putin began a two-day state visit.", A, [("two-day", "DURATION", "P2D")]),
    ("The siege lasted for five hours.", A, [("five hours", "DURATION", "PT5H")]),
    ("He served for three years.", A, [("three years", "DURATION", "P3Y")]),
    ("The strike lasted a month.", A, [("a month", "DURATION", "P1M")]),
    ("Yields on the 10-year bond rose.", A, [("10-year", "DURATION", "P10Y")]),
    ("The border has been shut for nearly two years.", A, [("nearly two years", "DURATION", "P2Y")]),
    ("The talks went on for more than four hours.", A, [("more than four hours", "DURATION", "PT4H")]),
    ("The suspects can be held for at least 72 hours.", A, [("at least 72 hours", "DURATION", "PT72H")]),
    ("Prices doubled in the past three months.", A, [("the past three months", "DURATION", "P3M")]),
    ("Profit rose in the first nine months.", A, [("the first nine months", "DURATION", "P9M")]),
    ("A ruling is due within the next two weeks.", A, [("the next two weeks", "DURATION", "P2W")]),
    ("The feud went on for several years.", A, [("several years", "DURATION", "PXY")]),
    ("The two clans have feuded for decades.", A, [("decades", "DURATION", "PXDE")]),
    ("The feud lasted two decades.", A, [("two decades", "DURATION", "P20Y")]),
    ("The blast shook the city for a minute and a half.", A, [("a minute and a half", "DURATION", "PT1M30S")]),
    ("An ambulance arrived an hour later.", A, [("an hour later", "DURATION", "PT1H")]),
    ("The search took over a week.", A, [("over a week", "DURATION", "P1W")]),
    ("Output rose over the past two years.", A, [("the past two years", "DURATION", "P2Y")]),
    ("The loan may be extended for an additional year.", A, [("an additional year", "DURATION", "P1Y")]),
    ("The index rose for eight trading days.", A, [("eight trading days", "DURATION", "P8D")]),
    ("Profit reached $5 million for the year ended March 31.", A, [("the year", "DURATION", "P1Y")]),
    ("The plan may take the next couple of years.", A, [("the next couple of years", "DURATION", "P2Y")]),
    ("The decades-long dispute ended.", A, [("decades-long", "DURATION", "PXDE")]),
    ("The work took two and a half years.", A, [("two and a half years", "DURATION", "P2Y6M")]),
    ("The meeting lasted 30 minutes.", A, [("30 minutes", "DURATION", "PT30M")]),
    ("Officials began a two-week tour.", A, [("two-week", "DURATION", "P2W")]),
    ("The visa is valid for 90 days.", A, [("90 days", "DURATION", "P90D")]),
    ("The project may take a couple of years.", A, [("a couple of years", "DURATION", "P2Y")]),
    ("The rescue took 5 1/2 hours.", A, [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("He was jailed for 18 months.", A, [("18 months", "DURATION", "P18M")]),
    ("The ceasefire held for a week.", A, [("a week", "DURATION", "P1W")]),
    ("Talks ran for a fortnight.", A, [("a fortnight", "DURATION", "P1W")]),
    ("The 24-hour strike closed schools.", A, [("24-hour", "DURATION", "PT24H")]),
    ("Aid arrived after about three weeks.", A, [("about three weeks", "DURATION", "P3W")]),
]

SETS: list[Row] = [
    ("Inspectors visit every week.", A, [("every week", "SET", "P1W")]),
    ("The market opens every Monday.", A, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("The council meets each Thursday.", A, [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("The paper is published daily.", A, [("daily", "SET", "P1D")]),
    ("Data is released weekly.", A, [("weekly", "SET", "P1W")]),
    ("Prices are reviewed annually.", A, [("annually", "SET", "P1Y")]),
    ("The museum is closed on Mondays.", A, [("Mondays", "SET", "XXXX-WXX-1")]),
    ("He runs every morning.", A, [("every morning", "SET", "XXXX-XX-XXTMO")]),
    ("Elections are held every two years.", A, [("every two years", "SET", "P2Y")]),
    ("The festival takes place every July.", A, [("every July", "SET", "XXXX-07")]),
    ("Flights leave on Tuesday nights.", A, [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("The union meets twice a week.", A, [("a week", "SET", "P1W")]),
    ("The licence costs $500 a year.", A, [("a year", "SET", "P1Y")]),
]

NO_ANCHOR: list[Row] = [
    ("The ceasefire began on Thursday.", None, [("Thursday", "DATE", "XXXX-WXX-4")]),
    ("The vote is on May 16.", None, [("May 16", "DATE", "XXXX-05-16")]),
    ("Such plans are currently on hold.", None, [("currently", "DATE", "PRESENT_REF")]),
    ("The minister resigned yesterday.", None, [("yesterday", "DATE", "XXXX-XX-XX")]),
    ("Officials confirmed it last month.", None, [("last month", "DATE", "XXXX-XX")]),
    ("The plant closed in 2022.", None, [("2022", "DATE", "2022")]),
    ("The rebels attacked two weeks ago.", None, [("two weeks ago", "DATE", "XXXX-WXX")]),
    ("Growth was fast in the 1990s.", None, [("the 1990s", "DATE", "199X")]),
    ("The truce lasted two days.", None, [("two days", "DURATION", "P2D")]),
]

OTHER_ANCHORS: list[Row] = [
    ("The economy added jobs last month.", "1998-02-06", [("last month", "DATE", "1998-01")]),
    ("Output fell last month.", "2024-01-10", [("last month", "DATE", "2023-12")]),
    ("The ban ends next week.", "2024-12-30", [("next week", "DATE", "2025-W02")]),
    ("Sales fell in December.", "2024-01-10", [("December", "DATE", "2023-12")]),
    ("Rates will rise in January.", "2024-12-20", [("January", "DATE", "2025-01")]),
    ("The index fell 2% on Friday.", "1989-10-30", [("Friday", "DATE", "1989-10-27")]),
    ("The company posted a loss last year.", "1989-11-02", [("last year", "DATE", "1988")]),
    ("The payment is due Jan. 14.", "2000-01-05", [("Jan. 14", "DATE", "2000-01-14")]),
    ("The boy was found Nov. 25 off the coast.", "2000-01-15", [("Nov. 25", "DATE", "1999-11-25")]),
    ("Last year's harvest was poor.", "2000-03-01", [("Last year", "DATE", "1999")]),
    ("The summit is set for April.", "1998-12-05", [("April", "DATE", "1999-04")]),
]

POSITIVE = ABSOLUTE + WEEKDAYS + DIRECTION + DEICTIC_DAYS + CLOCK + RELATIVE + REFERENCES + DURATIONS + SETS + NO_ANCHOR
POSITIVE += OTHER_ANCHORS

# (text, anchor, a stretch that must not be inside any time expression)
NEGATIVE: list[tuple[str, str | None, str]] = [
    ("Officials may resign over the affair.", A, "may"),
    ("May I ask a question, said the reporter.", A, "May"),
    ("Thousands joined the March on Washington.", A, "March"),
    ("The workers will march to the capital.", A, "march"),
    ("He drives a 2022 model of the car.", A, "2022"),
    ("The army sent 2,022 troops to the front.", A, "2,022"),
    ("Some 2000 soldiers crossed the river.", A, "2000"),
    ("A 30-year-old man was arrested.", A, "30-year-old"),
    ("Theresa May said the plan had failed.", A, "May"),
    ("Prices will fall sharply, analysts warned.", A, "fall"),
    ("The fall of Berlin changed Europe.", A, "fall"),
    ("The sun rose over the hills.", A, "sun"),
    ("A second round of talks opened.", A, "second"),
    ("A quarter of the population voted.", A, "quarter"),
    ("She told the Sunday Times about the deal.", A, "Sunday"),
    ("Inflation was 5 percent.", A, "5 percent"),
    ("The spring water was clean.", A, "spring"),
    ("About three-quarters of voters agreed.", A, "three-quarters"),
    ("She works as a day nurse.", A, "day"),
    ("The Boeing 747 landed safely.", A, "747"),
    ("He was released as soon as possible.", A, "soon"),
    ("The company reported previously unknown losses.", A, "previously"),
    ("The current account deficit widened.", A, "current"),
    ("The driver, 52 years old, was unhurt.", A, "52 years"),
    ("She answered questions on ABC's This Week program.", A, "This Week"),
    ("They watched the western High Noon again.", A, "Noon"),
    ("Such rules are out of step in today's world.", A, "today"),
    ("These are the leaders of tomorrow.", A, "tomorrow"),
    ("The deal should close in a matter of days.", A, "days"),
]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline([Metadata(), Sentences(), Entities(), Times()])


def _run(pipeline: Pipeline, text: str, anchor: str | None) -> Article:
    return pipeline.extract(Article(id="t", text=text, published=anchor))


@pytest.mark.parametrize(("text", "anchor", "expected"), POSITIVE, ids=[r[0][:40] for r in POSITIVE])
def test_expression(pipeline: Pipeline, text: str, anchor: str | None, expected: list[tuple[str, str, str]]) -> None:
    article = _run(pipeline, text, anchor)
    found = {(t.text, t.type, t.value) for t in article.times}
    for item in expected:
        assert item in found, f"{item} not in {sorted(found, key=str)}"


@pytest.mark.parametrize(("text", "anchor", "forbidden"), NEGATIVE, ids=[r[0][:40] for r in NEGATIVE])
def test_not_a_time(pipeline: Pipeline, text: str, anchor: str | None, forbidden: str) -> None:
    article = _run(pipeline, text, anchor)
    start = text.index(forbidden)
    end = start + len(forbidden)
    overlapping = [t for t in article.times if t.start < end and start < t.end]
    assert not overlapping, overlapping


def test_table_size() -> None:
    assert len(POSITIVE) + len(NEGATIVE) >= 150


def test_offsets_and_stage_contract(pipeline: Pipeline) -> None:
    text = "On Monday officials said talks would last two days and resume next week, as they did in 2019."
    article = _run(pipeline, text, A)
    assert (Times.name, Times.requires, Times.assigns, Times.needs_doc) == ("times", ("sentences",), ("times",), True)
    assert len(article.times) == 4
    for time in article.times:
        assert text[time.start : time.end] == time.text
        assert time.type in {"DATE", "TIME", "DURATION", "SET"}


def test_no_anchor_never_uses_today(pipeline: Pipeline) -> None:
    article = _run(pipeline, "The minister resigned yesterday and left today.", None)
    assert [t.value for t in article.times] == ["XXXX-XX-XX", "PRESENT_REF"]


@pytest.mark.shared
def test_user_example(pipeline: Pipeline) -> None:
    if not EXAMPLE.exists():
        pytest.skip(f"example article not found at {EXAMPLE} (the shared folder is absent)")
    text = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")
    article = pipeline.extract(Article(id="example", text=text))
    times = article.times
    expected = {
        "16th May 2024": "2024-05-16",
        "Wednesday": "2024-05-15",
        "last month": "2024-04",
        "February 2022": "2022-02",
        "two-day": "P2D",
        "4am Thursday morning": "2024-05-16T04:00",
        "currently": "PRESENT_REF",
    }
    for phrase, value in expected.items():
        start = text.index(phrase)
        hits = [t for t in times if t.start <= start and start + len(phrase) <= t.end]
        assert hits and hits[0].value == value, (phrase, hits)
    thursday = text.index("Thursday")
    assert any(t.start <= thursday < t.end and t.value.startswith("2024-05-16") for t in times)  # type: ignore[union-attr]


# --- clause dating ---------------------------------------------------------------------------------------


def _clause(pipeline: Pipeline, text: str, word: str, anchor: str | None = A) -> ClauseDate:
    article = Article(id="c", text=text, published=anchor)
    doc = pipeline.nlp(text)
    for stage in pipeline.stages:
        stage(article, doc if stage.needs_doc else None)
    token = next(t for t in doc if t.text == word)
    return date_clause(article, doc, token)


CLAUSES = [
    ("Putin arrived in Beijing on Thursday.", "arrived", A, ClauseDate("2024-05-16", "day", "explicit")),
    ("Putin arrived at 4am Thursday morning.", "arrived", A, ClauseDate("2024-05-16", "day", "explicit")),
    ("Russia's 2022 invasion of Ukraine shocked Europe.", "invasion", A, ClauseDate("2022", "year", "premodifier")),
    ("Exports collapsed in February 2022.", "collapsed", A, ClauseDate("2022-02", "month", "explicit")),
    ("Xi will visit Moscow.", "visit", A, ClauseDate("FUTURE_REF", "unknown", "tense")),
    ("Putin met Xi in Beijing.", "met", A, ClauseDate("2024-05-16", "day", "tense")),
    ("Putin met Xi in Beijing.", "met", None, ClauseDate("PAST_REF", "unknown", "tense")),
    ("Putin arrived on Thursday and met Xi.", "met", A, ClauseDate("2024-05-16", "day", "explicit")),
    ("Officials said last month that plans were shelved.", "said", A, ClauseDate("2024-04", "month", "explicit")),
    ("The rebels had seized the town.", "seized", A, ClauseDate("PAST_REF", "unknown", "tense")),
    # the event a death happened in, dated by its own clause
    (
        "Two people were killed in a bombing that happened on May 2.",
        "killed",
        A,
        ClauseDate("2024-05-02", "day", "explicit"),
    ),
    ("Two men died in the clash, which took place in March.", "died", A, ClauseDate("2024-03", "month", "explicit")),
    # the act told as the means dates the event
    (
        "The man admitted killing his cousin by poisoning her in 2016.",
        "killing",
        A,
        ClauseDate("2016", "year", "explicit"),
    ),
    # the setting a coordinated verb carries dates the verb it is coordinated with
    (
        "Two guards were killed and six were wounded in an ambush that took place on May 2.",
        "killed",
        A,
        ClauseDate("2024-05-02", "day", "explicit"),
    ),
]


@pytest.mark.parametrize(("text", "word", "anchor", "expected"), CLAUSES, ids=[c[0][:40] for c in CLAUSES])
def test_date_clause(pipeline: Pipeline, text: str, word: str, anchor: str | None, expected: ClauseDate) -> None:
    assert _clause(pipeline, text, word, anchor) == expected


def test_date_clause_accepts_a_span(pipeline: Pipeline) -> None:
    text = "Putin arrived in Beijing on Thursday."
    article = _run(pipeline, text, A)
    doc = pipeline.nlp(text)
    sentence = next(iter(doc.sents))
    assert date_clause(article, doc, sentence) == ClauseDate("2024-05-16", "day", "explicit")
