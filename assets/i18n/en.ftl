# deskcoll: the English words. Every message here has its twin in id.ftl (a test checks).
# Arguments are written { $name }. Leading and trailing spaces are added in code, not here.

## Dates and times

weekday-short-mon = Mon
weekday-short-tue = Tue
weekday-short-wed = Wed
weekday-short-thu = Thu
weekday-short-fri = Fri
weekday-short-sat = Sat
weekday-short-sun = Sun
weekday-long-mon = Monday
weekday-long-tue = Tuesday
weekday-long-wed = Wednesday
weekday-long-thu = Thursday
weekday-long-fri = Friday
weekday-long-sat = Saturday
weekday-long-sun = Sunday
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
# Fri 27 Nov 2026
date-long = { $weekday } { $day } { $month } { $year }

## Buckets (the column is 7 wide), sort orders, delivery states

bucket-label-broken_promise = BROKEN
bucket-label-day_1 = DAY 1
bucket-label-od_2_6 = OD 2-6
bucket-label-message_follow_up = MSG FU
bucket-label-pre_due = PRE-DUE
bucket-describe-broken_promise = broken promise
bucket-describe-day_1 = first day past due
bucket-describe-od_2_6 = overdue 2-6 days
bucket-describe-message_follow_up = message follow-up
bucket-describe-pre_due = pre-due reminder
sort-priority = priority
sort-overdue = days overdue
sort-total = total due
sort-osar = OSAR
sort-name = name
state-queued = queued
state-sending = sending
state-delivered = delivered
state-rejected = rejected
state-uncertain = uncertain
state-discarded = discarded

## The calling window

window-until = until { $time }
window-holiday = holiday ({ $name })
window-cuti-bersama = cuti bersama ({ $name })
window-too-early = too early
window-too-late = too late
window-closed-opens = { $why }; opens { $at }
window-closed-no-day = { $why }; no open day in the next month

## Refused values

refusal-too-long = { $n } characters, at most { $max } allowed
refusal-required = required
refusal-control-characters = contains control characters (line breaks, tabs or escapes)
refusal-promise-required-ptp = required for a promise to pay (PTP)
refusal-not-a-date = not a date (use YYYY-MM-DD or +N days)
refusal-not-a-date-typed = '{ $typed }' is not a date (use YYYY-MM-DD or +N days)
refusal-before-call-date = { $date } is before the call date { $call_date }
refusal-period-too-large = '{ $typed }' is past the server's largest number ({ $max })
refusal-not-a-whole-number = '{ $typed }' is not a whole number of 0 or more
refusal-not-an-installment = { $typed } is not an installment of the contract (1..{ $tenor })
refusal-past-the-tenor = { $n } is past the contract's { $tenor } installments (1..{ $tenor })
refusal-period-required = required: the installment the result is about (1..{ $tenor })
refusal-unknown-action = '{ $action }' is not in the code list
refusal-not-a-result-of = '{ $result }' is not a result of { $action }
refusal-promise-required-for = required for { $action }
refusal-in-the-past = { $date } is in the past
refusal-too-far-ahead = { $date } is more than { $days } days ahead (latest { $latest })

## The result form's fields (the label column is 13 wide)

field-action = Action code
field-result = Result code
field-promise = Promise date
field-period = Period
field-remark = Remark
