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
window-closes-in = closes in { $minutes }m

## Refused values

refusal-too-long =
    { $n ->
        [one] { $n } character, at most { $max } allowed
       *[other] { $n } characters, at most { $max } allowed
    }
refusal-required = required
refusal-control-characters = contains control characters (line breaks, tabs or escapes)
refusal-promise-required-ptp = required for a promise to pay (PTP)
refusal-not-a-date = not a date (use YYYY-MM-DD or +N days)
refusal-not-a-date-typed = '{ $typed }' is not a date (use YYYY-MM-DD or +N days)
refusal-before-call-date = { $date } is before the call date { $call_date }
refusal-period-too-large = '{ $typed }' is past the server's largest number ({ $max })
refusal-not-a-whole-number = '{ $typed }' is not a whole number of 0 or more
refusal-not-an-installment = { $typed } is not an installment of the contract (1..{ $tenor })
refusal-past-the-tenor =
    { $tenor ->
        [one] { $n } is past the contract's { $tenor } installment (1..{ $tenor })
       *[other] { $n } is past the contract's { $tenor } installments (1..{ $tenor })
    }
refusal-period-required = required: the installment the result is about (1..{ $tenor })
refusal-unknown-action = '{ $action }' is not in the code list
refusal-not-a-result-of = '{ $result }' is not a result of { $action }
refusal-promise-required-for = required for { $action }
refusal-in-the-past = { $date } is in the past
refusal-too-far-ahead =
    { $days ->
        [one] { $date } is more than { $days } day ahead (latest { $latest })
       *[other] { $date } is more than { $days } days ahead (latest { $latest })
    }

## The result form's fields (the label column is 13 wide)

field-action = Action code
field-result = Result code
field-promise = Promise date
field-period = Period
field-remark = Remark
field-party = Spoke with
field-amount = Amount
field-callback = Call back at
party-debtor = debtor
party-co-debtor = co-debtor
party-spouse = spouse
party-family = family
party-emergency-contact = emergency contact
party-third-party = third party
party-nobody = nobody
party-unknown = not said
refusal-unknown-party = '{ $typed }' is not a party (debtor, co_debtor, spouse, family, emergency_contact, third_party, nobody)
refusal-party-contradicts = { $code } means the party is { $party }
refusal-debtor-only = { $code } may only be recorded with the debtor or a co-debtor, not { $party } (POJK 22/2023 art. 62(2))
refusal-not-an-amount = '{ $typed }' is not an amount
refusal-amount-not-positive = must be more than 0
refusal-amount-needed = a promise needs an amount: the total due is not known
refusal-callback-zone-unknown = the customer's time zone is not known
refusal-callback-not-a-time = '{ $typed }' is not a time (use 14:00, YYYY-MM-DD 14:00, +2h for 2 hours or +2d for 2 days)
refusal-callback-past = { $at } has passed
refusal-callback-closed = { $at } is outside the customer's calling window; next allowed { $next }
refusal-callback-closed-month = { $at } is outside the customer's calling window; none open in the next month

## Keys: the help's headings, the footer's words, what each binding does

context-global = Everywhere
context-queue = Queue
context-filter = Filter (typing)
context-form = Result form
context-outbox = Outbox
context-termin = Termin
context-prompt = Prompt
context-confirm = Questions
context-overlay = Dial
context-help = Help
context-picker = Phone picker
hint-accept = accept
hint-all = all
hint-back = back
hint-call = call
hint-cancel = cancel
hint-clear = clear
hint-delivered = delivered
hint-dial = dial
hint-discard = discard
hint-done = done
hint-down = down
hint-edit = edit
hint-export = export
hint-filter = filter
hint-help = help
hint-next = next
hint-no = no
hint-page = page
hint-prev = prev
hint-promises = promises
hint-quit = quit
hint-record = record
hint-refresh = refresh
hint-search = search
hint-send = send
hint-sort = sort
hint-status = status
hint-submit = submit
hint-totals = totals
hint-up = up
hint-yes = yes
hint-closes = closes
hint-closes-key = any key
hint-closes-other = closes
hint-closes-other-key = any other key
help-queue-move_down = move down
help-queue-move_up = move up
help-queue-page_down = page down
help-queue-page_up = page up
help-queue-first = first task
help-queue-last = last task
help-queue-record = record a result
help-queue-filter = filter by name, contract, customer code, phone
help-queue-clear_filter = clear the filter
help-queue-sort = change the sort order (shows its top)
help-queue-reverse_sort = turn the sort order round
help-queue-refresh = refresh the queue
help-queue-promises = promises: due today/tomorrow, broken, all
help-queue-call = call: pick a phone (asks past the contact limit or outside the calling window)
help-outbox-move_down = move down
help-outbox-move_up = move up
help-outbox-page_down = page down
help-outbox-page_up = page up
help-outbox-first = newest
help-outbox-last = oldest
help-outbox-send = send now (asks first for an uncertain one)
help-outbox-edit = edit a rejected result
help-outbox-mark_delivered = mark an uncertain result delivered (asks first)
help-outbox-discard = discard (asks first; it stays listed)
help-termin-move_down = move down
help-termin-move_up = move up
help-termin-page_down = page of rows down
help-termin-page_up = page of rows up
help-termin-first = first row
help-termin-last = last row
help-termin-next_page = next page
help-termin-prev_page = previous page
help-termin-first_page = first page
help-termin-last_page = last page
help-termin-go_to_page = go to page
help-termin-more_rows = more rows a page
help-termin-fewer_rows = fewer rows a page
help-termin-search = search PO, PR, invoice, buyer, vendor
help-termin-status_filter = filter by status (cycles through those loaded)
help-termin-load_all = load all pages (Esc cancels), then totals
help-termin-totals = totals per status and vendor (after A)
help-termin-export = export the rows shown to CSV
help-termin-refresh = reload the page
help-termin-clear_filter = cancel loading all / clear search and status
help-prompt-accept = accept
help-prompt-cancel = cancel
help-filter-accept = keep the filter, back to the list
help-filter-cancel = clear the filter
help-form-next_field = next field
help-form-prev_field = previous field
help-form-pick_down = next code in the list
help-form-pick_up = previous code in the list
help-form-take_code = take the code / next field (submits on the last)
help-form-submit = submit
help-form-cancel = cancel (asks when something was typed)
help-form-help = the form's keys and what the focused field takes
help-picker-pick_down = next phone
help-picker-pick_up = previous phone
help-picker-accept = dial the phone shown
help-picker-call_1 = dial phone 1
help-picker-call_2 = dial phone 2
help-picker-call_3 = dial phone 3
help-picker-call_4 = dial phone 4
help-picker-cancel = close without dialing
help-help-scroll_down = scroll the help down
help-help-scroll_up = scroll the help up
help-confirm-yes = yes, go ahead
help-confirm-no = no (any other key too)
help-global-help = help
help-global-tab_1 = Queue tab
help-global-tab_2 = Termin tab
help-global-tab_3 = Outbox tab
help-global-tab_4 = Today tab
help-global-next_tab = next tab
help-global-prev_tab = previous tab
help-global-quit = quit
help-global-force_quit = quit (asks when a form has input)

## The frame: tabs, header, status line, modals

tab-queue = Queue
tab-termin = Termin
tab-outbox = Outbox
tab-today = Today
frame-too-small = Terminal too small ({ $width }x{ $height }).
    deskcoll needs at least { $min_width }x{ $min_height }.
confirm-title = y / n
picker-title = Call { $account }
picker-phone = phone { $n }
picker-hint = Enter or the phone's digit dials · Esc closes
dial-title = Dial
dial-note = copied to the clipboard · any key closes
server-connecting = connecting
server-connected = connected
server-failing = failing
list-refreshing = list from { $from } · refreshing
list-offline = offline · list from { $from }
list-from = list from { $from }
header-agent = agent { $agent }
header-waiting = waiting
header-demo = DEMO
header-insecure = insecure
header-callback-soon = Callback { $time }: { $name } in { $minutes }m
header-callback-due = Callback { $time }: { $name } now
prompt-filter = filter
prompt-search = search
prompt-go-to-page = go to page
prompt-export = save CSV as
prompt-override-reason = outside hours: the consumer's prior consent (reason)
help-title = Keys · j/k scroll · other keys close
help-title-more = Keys · j/k scroll (more below) · other keys close
queue-loading = loading the queue…

## Servers and the outbox: what went wrong

api-unauthorized = bad credentials: the server refused the user name or password (HTTP 401)
api-invalid-token = invalid token: the server rejected the signature (code { $code }: { $message }); check the hash key
api-forbidden = access denied (HTTP 403){ $excerpt }
api-refused = server refused (code { $code }): { $message }
api-not-found = not found (HTTP 404): { $url }; check the configured URL
api-status = server error: HTTP { $status }{ $excerpt }
api-timeout = timed out after { $secs } s waiting for the server at { $host }
api-connect = cannot connect to { $host }: { $reason }
api-dropped = connection to { $host } dropped before the server answered
api-not-json = the server sent a page instead of JSON (HTTP { $status }){ $excerpt }
api-too-large = response too large: more than { $mb } MB (raise http.max_body_mb in the config)
api-redirect = the server at { $from } answered HTTP { $status }, a redirect to { $to }: not followed (it would carry credentials or a signed result there); check the configured URL
api-wire = unreadable reply: { $reason }
api-other = request failed: { $reason }
store-sql = outbox { $path }: { $reason }
store-no-such-item = outbox: no result with id { $id }
store-not-allowed = outbox: result { $id } is { $from }; it cannot become { $to }
store-folder = cannot create the outbox folder { $path }: { $reason }
outbox-cannot-read = cannot read the outbox: { $error }
nothing-changed = nothing changed
form-discarded = result discarded
quit-question = Quit and lose the result being typed? y / n

## Queue

promises-all = all tasks
promises-due-soon = promises due today or tomorrow
promises-broken = broken promises
queue-load-failed = could not load the queue: { $error }
queue-receiving = receiving the task list: { $got } · Esc stops
queue-receiving-of = receiving the task list: { $got } of { $total } · Esc stops
queue-load-stopped = stopped reading the task list; the list shown stays (r reads it again)
queue-loaded = { $n ->
    [one] 1 task loaded
   *[other] { $n } tasks loaded
}
queue-showing = showing { $what }
queue-sorted = sorted by { $sort }
queue-sorted-reversed = sorted by { $sort }, reversed
queue-none-selected = no task selected
dial-override-needs-reason = not dialed: an override needs the consumer's consent and a reason
dial-not-dialed = not dialed
dial-no-phone = no dialable phone on file
dial-past-limit-question =
    { $contacts ->
        [one] { $account } was contacted once today (limit { $max }). Contact that is "continuous or disturbing" is forbidden. Dial anyway? y / n
       *[other] { $account } was contacted { $contacts } times today (limit { $max }). Contact that is "continuous or disturbing" is forbidden. Dial anyway? y / n
    }
dial-outside-window = outside the calling window ({ $note }); only with the consumer's prior consent
dial-copied = copied { $phone } to the clipboard: dial it on your phone
dial-launched = dialing { $phone } with { $program }
dial-failed = could not dial { $phone }: { $error }
dial-error-not-logged = not dialed: the contact could not be recorded ({ $error })
dial-error-not-dialable = not dialed: '{ $phone }' is not a phone number
dial-error-command = dial_command: { $reason }
dial-error-empty-command = dial_command: it is empty
list-position = { $at } of { $of }
queue-title = Queue · { $position } · sort: { $sort }
queue-in-all = { $n } in all
queue-not-loaded = The queue could not be loaded. Press r to try again.
queue-no-match = No task matches '{ $filter }'. Esc clears the filter.
queue-no-promises =
    { $n ->
        [one] No { $what } in the one task. p shows all tasks.
       *[other] No { $what } among the { $n } tasks. p shows all tasks.
    }
queue-empty = No tasks in today's queue.
queue-closed = closed
# Column headers: BUCKET is 7 wide, OD 3, TOTAL DUE 16, BRANCH 11, LOCAL / OPENS 15.
queue-col-bucket = BUCKET
queue-col-contract = CONTRACT
queue-col-name = NAME
queue-col-overdue = OD
queue-col-total-due = TOTAL DUE
queue-col-branch = BRANCH
queue-col-local = LOCAL / OPENS
queue-col-product = PRODUCT

## The customer pane (labels: the column is as wide as the widest)

customer-title = Customer
customer-none = No task selected.
customer-due-in =
    { $n ->
        [one] due in { $n } day
       *[other] due in { $n } days
    }
customer-days-overdue = Days overdue
customer-total-due = Total due
customer-penalty = Penalty
customer-osar = OSAR
customer-installment = Installment
customer-installment-value = { $amount } · { $no } of { $of } · due { $due }
customer-last-payment = Last payment
customer-last-payment-value = { $amount } on { $on } · installment { $tenor } · was due { $due }
customer-phones = Phones
customer-no-phones = none on file
customer-contract = Contract
customer-contract-value = { $contract } · customer { $customer }
customer-asset = Asset
customer-payment = Payment
customer-branch = Branch
customer-branch-value = { $branch } · marketing { $marketing }
customer-address = Address
customer-local-time = Local time
customer-today = Today
customer-promise = Promise
customer-promise-broken = broken
customer-promise-due = due now
customer-recorded = result recorded
customer-zone-branch = guessed from branch { $place }
customer-zone-unknown = zone unknown: WIB assumed
customer-callable = callable { $note }
customer-closed = closed: { $note }
customer-contacts =
    { $max ->
        [one] { $n } of { $max } contact
       *[other] { $n } of { $max } contacts
    }
customer-override = override { $at } ({ $reason })
customer-history = History

## The result form

form-title = Result · { $account } · { $name }
form-promise-hint = YYYY-MM-DD or +N days
form-period-hint = installment (tenor) collected
form-amount-hint = 1.500.000 or 1500000
form-callback-hint = 14:00, YYYY-MM-DD 14:00, +2h hours, +2d days
form-no-code = no code matches
form-sends = Sends: call time { $time } · agent { $agent } · IP { $ip }
form-not-set = (not set)
form-sending = sending…
form-failed = not sent: { $reason }
form-discard-question = Discard the result being typed? y / n
form-not-sent = not sent: { $error }
form-past-limit-question = This is contact { $n } with { $account } today (limit { $max }). Record it anyway? y / n
form-not-saved = not saved: { $error }
form-rejected = rejected: { $reason } (kept in the Outbox as #{ $id })
form-uncertain = no answer ({ $reason }): #{ $id } may be stored; it waits in the Outbox for your decision
form-retry = saved as #{ $id }, not sent yet ({ $reason }); it is retried in the background

## Outbox

outbox-title = Outbox · { $position } · { $delivered } delivered · { $waiting } waiting · { $rejected } rejected · { $uncertain } uncertain
outbox-empty = No results recorded yet. Every result you submit is saved here first.
# Column headers: ID 6 wide, STATE as its longest word, ACCOUNT 15, RESULT 11, CALLED 11, TRY 3.
outbox-col-id = ID
outbox-col-state = STATE
outbox-col-account = ACCOUNT
outbox-col-name = NAME
outbox-col-result = RESULT
outbox-col-called = CALLED
outbox-col-tries = TRY
outbox-col-last-error = LAST ERROR
outbox-promise = promise { $date }
outbox-party = with { $party }
outbox-by = by { $who }
outbox-server = server: { $code } { $message }
outbox-called = called { $time }
outbox-remark = remark: { $remark }
outbox-left-list-hint = Hint: its account has left today's list: it may have arrived — check before you decide.
outbox-advice-uncertain = No answer came: it may be on the server. R sends again (a duplicate if it arrived), D marks it delivered once you know the server has it.
outbox-advice-refused-90 = Refused with 90, which the server also answers after storing it: check the server first. R or e then Ctrl-S sends it again (both ask), D marks it delivered once you know the server has it, x discards it here.
outbox-advice-rejected = The server refused it. e edits and sends the correction, R sends it unchanged, x discards it.
outbox-advice-queued = Waiting to be sent; it is retried in the background. R sends it now.
outbox-nothing-to-do = #{ $id } is { $state }: nothing to do
outbox-send-question = Send #{ $id } again? It { $why }: the server would hold it twice. y / n
outbox-mark-question = Mark #{ $id } delivered? Only when you know the server has it. y / n
outbox-discard-question = Discard #{ $id } for { $account }? It will not be sent; it stays listed. y / n
outbox-being-sent = #{ $id } is being sent
outbox-marked = #{ $id } marked delivered
outbox-discarded = #{ $id } discarded

## Termin

termin-title = Termin · { $position } · { $scope }
termin-scope-all =
    { $n ->
        [one] all { $n } transaction
       *[other] all { $n } transactions
    }
termin-scope-loading = loading
termin-scope-page =
    { $n ->
        [one] page { $page } of { $of } · { $n } transaction · { $limit } a page
       *[other] page { $page } of { $of } · { $n } transactions · { $limit } a page
    }
termin-status = status { $status }
termin-page-only = this page only until all are loaded
termin-loading-page = page { $page }
termin-gauge =
    { $n ->
        [one] loading page { $page } of { $of } · { $n } transaction · Esc cancels
       *[other] loading page { $page } of { $of } · { $n } transactions · Esc cancels
    }
termin-loading = loading termin transactions…
termin-load-failed = Could not load termin transactions:
    { $error }

    r tries again.
termin-none = No termin transactions.
    The server has none to show.
termin-page-empty = Page { $page } is empty.
    h goes back, H to the first page.
termin-no-match = No transaction matches the search or status. Esc clears them.
# Column headers: ENTRY DATE 11 (16 with the vendor), PO and PR NUMBER 23, STATUS 16, STEP 5,
# BILL AMOUNT 16, SUBTOTAL 16, the taxes 15.
termin-col-entry-date = ENTRY DATE
termin-col-po = PO NUMBER
termin-col-pr = PR NUMBER
termin-col-buyer = BUYER
termin-col-vendor = VENDOR
termin-col-status = STATUS
termin-col-step = STEP
termin-col-bill = BILL AMOUNT
termin-col-subtotal = SUBTOTAL
termin-col-pph = TOTAL PPh
termin-col-ppn = TOTAL PPN
termin-detail-title = Transaction
termin-none-selected = No transaction selected.
termin-step = step { $step }
termin-general = General
termin-general-value = PR { $pr } · invoice { $invoice } of { $invoiced } · entered { $entered } · status changed { $changed }
termin-buyer = Buyer
termin-buyer-value = { $buyer } ({ $user_name }) · group { $group } · BUMN { $bumn } · user { $user }
termin-payment = Payment
termin-subtotal = subtotal
termin-shipping = shipping { $cost } (PPN { $ppn }, PPh { $pph })
termin-taxes = PPN { $ppn } (product { $product }) borne by { $by } · PPh21 { $pph21 } · PPh22 { $pph22 } · PPh23 { $pph23 } · total PPh { $pph }
termin-bill = bill
termin-bank = { $bank } · VA { $va } · method { $method } · holder { $holder } · step { $step }
termin-vendor = Vendor
termin-email = email
termin-phone = phone
termin-totals-title = Totals of all transactions · t hides
termin-totals-all = ALL
termin-totals-top-vendors = TOP VENDORS
termin-totals-count = COUNT
termin-no-status = no status
termin-no-vendor = no vendor
termin-loading-for-filter = loading every page to search them all (Esc cancels)
termin-page-failed = could not load page { $page }: { $error }
termin-all-loaded =
    { $n ->
        [one] all { $n } transaction loaded; t shows totals
       *[other] all { $n } transactions loaded; t shows totals
    }
termin-all-cancelled = loading all pages cancelled
termin-all-failed = could not load all pages: { $error }
termin-exported =
    { $n ->
        [one] saved { $path } ({ $n } row)
       *[other] saved { $path } ({ $n } rows)
    }
termin-export-failed = not saved: { $error }
termin-rows-a-page =
    { $n ->
        [one] { $n } row a page
       *[other] { $n } rows a page
    }
termin-every-status = every status
termin-cancelling = cancelling…
termin-totals-need-all = totals need every page: press A to load all
termin-not-a-page = '{ $text }' is not a page number
termin-no-file-name = no file name: nothing exported

## Today

today-title = Today · { $date }
today-calls = Calls recorded
today-ptp = Promises to pay taken
today-ptp-total = Total due under promise
today-delivered = Delivered
today-waiting = Waiting to be sent
today-rejected = Rejected
today-uncertain = Uncertain
today-by-action = By action
today-none = none
today-due-today = Promises due today
today-due-tomorrow = Promises due tomorrow
today-broken = Broken-promise bucket (today's list)
today-calls-how = results recorded today
today-rpc = Right-party contacts
today-rpc-how = the debtor or a co-debtor answered
today-rpc-rate = Right-party rate
today-rpc-rate-how =
    { $calls ->
        [one] { $rpc } RPC ÷ { $calls } call
       *[other] { $rpc } RPC ÷ { $calls } calls
    }
today-ptp-rate = Promise rate
today-ptp-rate-how =
    { $ptp ->
        [one] { $ptp } promise ÷ { $rpc } RPC
       *[other] { $ptp } promises ÷ { $rpc } RPC
    }
today-promised = Amount promised
today-promised-how = sum of today's promises
today-kept-rate = Kept rate
today-kept-rate-how = { $kept } ÷ ({ $kept } kept + { $broken } not kept)
today-unknown = Promises unknown
today-unknown-how = { $grace ->
    [one] date + 1 day passed, no evidence
   *[other] date + { $grace } days passed, no evidence
}
today-callbacks = Callbacks due
today-callbacks-how = due now, no result since
today-by-hour = Calls per hour
today-states = Delivered { $delivered } · waiting { $waiting } · rejected { $rejected } · uncertain { $uncertain }

## Starting the workstation

config-invalid-file = invalid config file { $file }: { $error }
workstation-needs-terminal = the workstation needs a terminal ({ $error }); the CLI commands work without one

## The command line: refused command lines

cli-refused = { $faults } (see `{ $help } --help`)
cli-did-you-mean = did you mean { $name }?
cli-value-needed = a value is needed
cli-not-valid = '{ $value }' is not valid
cli-not-one-of = '{ $value }' is not one of { $valid }
cli-required = required
cli-conflict = cannot be used with { $other }
cli-conflict-others = cannot be used with the others given
cli-unknown-option = not an option here
cli-unknown-command = '{ $name }' is not a command
cli-command-needed = a command is needed: { $names }

## The command line: its own words

cli-error = deskcoll: error: { $message }
cli-warning = deskcoll: warning: { $message }
cli-no-runtime = cannot start the runtime: { $error }
cli-cannot-read-secret = cannot read the { $what }: { $error }
cli-insecure = credentials go unencrypted over plain http:// to { $hosts }; use https://
cli-config-open = { $path } can be read by other users and holds secrets; run chmod 600 on it
cli-sign-demo = demo mode (no server configured): signed with the twin's hash key
cli-no-hash-key = no hash key: set DESKCOLL_HASH_KEY or collection.hash_key, run at a terminal to be asked, or pass --hash-key
cli-excel-json = --excel writes CSV: it does not go with --format json
cli-no-config-dir = no config directory on this platform: pass --config PATH
cli-config-exists = { $path } exists; pass --force to overwrite
cli-wrote = wrote { $path }
cli-none = none

## deskcoll tasks (the table; JSON and CSV never change)

tasks-due-in = { $n ->
    [one] due in 1 day
   *[other] due in { $n } days
}
tasks-yes = yes
tasks-col-bucket = BUCKET
tasks-col-contract = CONTRACT
tasks-col-name = NAME
tasks-col-overdue = OVERDUE
tasks-col-total-due = TOTAL DUE
tasks-col-n-of = N/OF
tasks-col-branch = BRANCH
tasks-col-local = LOCAL
tasks-col-callable = CALLABLE
tasks-count =
    { $n ->
        [one] { $n } task
       *[other] { $n } tasks
    }
tasks-count-callable =
    { $n ->
        [one] { $n } task callable now
       *[other] { $n } tasks callable now
    }
tasks-demo = demo twin
tasks-cached-none = no saved task list for this server yet: run deskcoll tasks once while it can be reached
tasks-cached-from = saved list read { $at }

## Callbacks: where one stands (deskcoll callbacks' table; JSON never changes)

callback-status-pending = pending
callback-status-due = due now
callback-status-done = done
callback-status-missed = missed
callbacks-col-due = DUE
callbacks-col-account = ACCOUNT
callbacks-col-name = NAME
callbacks-col-status = STATUS
callbacks-none = no callbacks recorded

## deskcoll today (the table; the CSV's figure names never change)

today-no-task-list = no task list ({ $error }); broken promises cannot be told
today-calls-of = calls { $action }
today-broken-short = Broken-promise bucket
today-heading = Today, { $date }

## deskcoll termin

termin-cli-past-last = page { $page } of { $of }: past the last page (at { $limit } a page)
termin-cli-position =
    { $n ->
        [one] page { $page } of { $of }, { $n } transaction
       *[other] page { $page } of { $of }, { $n } transactions
    }
termin-cli-none = no termin transactions

## deskcoll outbox (the table; JSON and CSV never change)

outbox-cli-or = { $some } or { $last }
outbox-cli-nothing = nothing
outbox-cli-col-action = ACTION
outbox-cli-col-promise = PROMISE
outbox-cli-col-call-time = CALL_TIME
outbox-cli-col-attempts = ATTEMPTS
outbox-cli-hint = result { $id }: its account has left today's list: it may have arrived — check before you decide
outbox-cli-counts =
    { $n ->
        [one] { $n } result: { $delivered } delivered, { $waiting } waiting, { $rejected } rejected, { $uncertain } uncertain
       *[other] { $n } results: { $delivered } delivered, { $waiting } waiting, { $rejected } rejected, { $uncertain } uncertain
    }
outbox-cli-flushed = { $delivered } delivered, { $queued } queued, { $rejected } rejected, { $uncertain } uncertain
outbox-cli-undelivered =
    { $n ->
        [one] { $n } result is not delivered (see `deskcoll outbox list`)
       *[other] { $n } results are not delivered (see `deskcoll outbox list`)
    }
outbox-cli-not-applicable = result { $id } is { $state }: { $flag } applies only to { $states }
outbox-cli-marked = result { $id }: marked delivered
outbox-cli-result-state = result { $id }: { $state }

## deskcoll submit (field names stay as the server and the batch file know them)

submit-no-task-list = no task list ({ $error }); without it the period defaults to 0, the contract's installments are not checked and no amount due is kept
submit-party-unconfirmed = { $account }: { $code } is for the debtor or a co-debtor only; recorded with party unknown (say who answered with --party)
submit-at-limit =
    { $n ->
        [one] { $account } has { $n } result today, at the limit of { $max } a day (calling.max_contacts_per_day); recorded anyway
       *[other] { $account } has { $n } results today, at the limit of { $max } a day (calling.max_contacts_per_day); recorded anyway
    }
submit-over-limit =
    { $n ->
        [one] { $account } has { $n } result today, over the limit of { $max } a day (calling.max_contacts_per_day); recorded anyway
       *[other] { $account } has { $n } results today, over the limit of { $max } a day (calling.max_contacts_per_day); recorded anyway
    }
submit-rejected = rejected: { $reason }
submit-uncertain = uncertain: { $reason } (it may be stored; see `deskcoll outbox list`)
submit-queued = queued: { $reason }; `deskcoll outbox flush` sends it
submit-invalid = invalid result, nothing sent: { $refusals }
submit-result = result { $id }: { $what }
submit-cannot-read = cannot read { $path }: { $error }
submit-no-column = { $path }: no '{ $column }' column (need account, action, result, promise, period, remark)
submit-row = row { $line }: { $what }
submit-row-invalid = row { $line }: invalid: { $why }
submit-summary =
    { $n ->
        [one] { $n } row: { $delivered } delivered, { $undelivered } not delivered, { $invalid } invalid
       *[other] { $n } rows: { $delivered } delivered, { $undelivered } not delivered, { $invalid } invalid
    }

## deskcoll serve

serve-rate = { $name } must be between 0 and 1
serve-tasks = --tasks { $n } needs --contracts of at least { $n }
serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-listening = deskcoll twin listening on { $url }
serve-point = point a client at it:
serve-and-passwords = and DESKCOLL_PASSWORD, DESKCOLL_TERMIN_PASSWORD as given to serve
serve-and-hash-key = and DESKCOLL_HASH_KEY as given to serve
serve-received = results received: { $url } (with the twin's Basic auth)
serve-received-local = results received: { $url } (with the twin's Basic auth; from this machine only)

## The supervisor's desk (Termin tab over the whole set)
help-termin-sort_column = sort all by entry date, bill, status, vendor, buyer, step, then none
help-termin-reverse_column = turn that order round
help-termin-date_range = entry dates from/to (WIB): YYYY-MM-DD YYYY-MM-DD
help-termin-group = group all by status, vendor, buyer, month, then none
help-termin-open_group = open the group under the cursor (Esc comes back)
help-termin-aging = ageing of unfinished work: days in the status per status
help-termin-changes = only what is new or changed since the last look
hint-order = order
hint-dates = dates
hint-group = group
hint-ageing = ageing
hint-changes = changes
prompt-date-range = entry dates in WIB (FROM TO, FROM, ..TO, or empty for all)
termin-range-refused = not a range: { $why }
termin-desk-everything = every transaction
termin-column-entry_date = entry date
termin-column-bill_amount = bill
termin-column-status = status
termin-column-vendor = vendor
termin-column-buyer = buyer
termin-column-step = step
termin-desk-sorted = sorted by { $column }
termin-desk-sorted-reversed = sorted by { $column }, reversed
termin-desk-range = entered { $since } to { $until }
termin-group-status = status
termin-group-vendor = vendor
termin-group-buyer = buyer
termin-group-month = month
termin-desk-grouped = by { $by }
termin-desk-group-open = group { $key }
termin-desk-changed-only = new or changed since the last look
termin-groups-title =
    { $n ->
        [one] Termin · { $n } group by { $by } · { $position } · Enter opens one
       *[other] Termin · { $n } groups by { $by } · { $position } · Enter opens one
    }
termin-ageing-title = Termin · ageing: days in the status (WIB) of what is not { $finished } · Enter lists a band · a closes
termin-band-0-30 = 0-30
termin-band-31-60 = 31-60
termin-band-61-90 = 61-90
termin-band-over-90 = over 90
termin-col-group = GROUP
termin-col-count = COUNT
termin-col-share = SHARE
termin-col-days = DAYS
store-newer = outbox { $path } was written by a newer deskcoll (schema { $found }; this one knows up to { $known }): it was left untouched; upgrade deskcoll, or set store.outbox (DESKCOLL_OUTBOX) to another file
termin-cli-bad-sort = --sort: '{ $name }' is not one of { $names }
termin-cli-bad-group = --group-by: '{ $name }' is not one of status, vendor, buyer, month
termin-cli-bad-range = --since { $since } is after --until { $until }
termin-cli-scope =
    { $n ->
        [one] { $n } transaction
       *[other] { $n } transactions
    }
termin-cli-scope-range =
    { $n ->
        [one] { $n } transaction entered { $since } to { $until } (WIB)
       *[other] { $n } transactions entered { $since } to { $until } (WIB)
    }
termin-cli-ageing-of = not finished (all but { $finished }), of { $scope }
termin-cli-snapshot-failed = cannot keep the termin snapshot: { $error }
termin-cli-since = since { $since }
termin-cli-first-look = no earlier look: every transaction is new
termin-cli-new = new ({ $n }): { $list }
termin-cli-changed = changed { $po }: { $from } step { $from_step } -> { $to } step { $to_step }
termin-cli-gone = gone ({ $n }): { $list }

## deskcoll doctor (the check names, ok / warn / fail and the JSON keys never change)

doctor-span-s = { $s } s
doctor-span-m-s = { $m } min { $s } s
doctor-span-h-m = { $h } h { $m } min
doctor-span-d-h = { $d } d { $h } h
doctor-not-checked = not checked
doctor-not-checked-config = not checked: the configuration cannot be read
doctor-config-system = system { $file }
doctor-config-no-system = no system file ({ $path })
doctor-config-user = user { $file }
doctor-config-user-open = the user file can be read by others: chmod 600 it
doctor-config-no-dir = no config directory
doctor-config-no-user = no user file ({ $path })
doctor-config-none-demo = no config file: demo mode (the embedded twin)
doctor-config-none-env = no config file: settings from the environment and flags only
doctor-config-insecure = credentials go over plain http:// to { $hosts }
doctor-demo-note = (demo: the embedded twin)
doctor-no-collection = no desk-collection server configured (collection.base_url, DESKCOLL_BASE_URL)
doctor-no-hash-key = no hash key (collection.hash_key, DESKCOLL_HASH_KEY): results cannot be signed
doctor-termin-not-configured = not configured
doctor-termin-answered = { $url }: answered in { $ms } ms
doctor-termin-total = { $n ->
    [one] 1 transaction
   *[other] { $n } transactions
}
doctor-credentials-refused = { $url }: credentials refused: { $reason }
doctor-unreachable = { $url }: unreachable: { $reason }
doctor-without-credentials = without credentials
doctor-as-user = as { $user }
doctor-no-answer = { $url }: no answer within { $secs } s
doctor-tasks-answered = the task list answered { $who } in { $ms } ms
doctor-credentials-needed = credentials needed (HTTP 401): set collection.user and collection.password
doctor-credentials-refused-for = credentials refused for { $user } (HTTP 401): check collection.user and collection.password (DESKCOLL_PASSWORD)
doctor-access-denied = access denied (HTTP 403)
doctor-not-found = not found (HTTP 404): check collection.base_url or collection.tasks_url
doctor-redirect = HTTP { $status }, a redirect to { $to }: not followed; check the configured URL
doctor-nowhere = (nowhere)
doctor-reachable-but = reachable, but answered HTTP { $status }
doctor-clock-no-date = not checked: no server answered with its time (HTTP Date)
doctor-clock-apart = the server's clock is { $span } apart from this desk's{ $fixed }
doctor-clock-ahead = the server's clock is { $span } ahead of this desk's{ $fixed }: it stamps results with its own time
doctor-clock-behind = the server's clock is { $span } behind this desk's{ $fixed }: it stamps results with its own time
doctor-outbox-none = { $path }: none yet (made by the first result)
doctor-outbox-unreadable = cannot be read: { $reason }
doctor-outbox-newer = { $path }: written by a newer deskcoll (schema { $found }; this one knows up to { $known }): upgrade deskcoll
doctor-outbox-problems = { $n ->
    [one] 1 problem
   *[other] { $n } problems
}
doctor-outbox-broken = { $path }: integrity check failed ({ $problems }, first: { $first }); keep a copy of the file before anything else
doctor-outbox-sound = { $path }: sound, schema { $version }
doctor-outbox-migrates = (brought to { $version } on the next start)
doctor-outbox-counts = { $queued } queued, { $uncertain } uncertain, { $rejected } rejected, { $delivered } delivered
doctor-outbox-waiting = results wait to be sent (deskcoll outbox flush)
doctor-outbox-uncertain = uncertain results need a decision (deskcoll outbox resolve)
doctor-outbox-rejected = rejected results need a look (deskcoll outbox list)
doctor-outbox-open = others can read it: chmod 600 it
doctor-holidays-shipped = the shipped list
doctor-holidays-unreadable = cannot read { $path }: { $reason }
doctor-holidays-none = { $from } lists no holiday in { $year }: calls may be placed on a national holiday (calling.holidays_file)
doctor-holidays-days =
    { $national ->
        [one] { $national } national holiday and { $cuti } cuti bersama days
       *[other] { $national } national holidays and { $cuti } cuti bersama days
    }
doctor-holidays-estimated = { $year } in { $from }: { $days }, { $estimated } of them estimated, not yet decreed; replace them when the decree is out (calling.holidays_file)
doctor-holidays-ok = { $year } in { $from }: { $days }
doctor-holidays-decreed = { $year } in { $from }: { $days }, as decreed
doctor-term-no-color = NO_COLOR is set: no colours
doctor-term-unset = TERM is not set
doctor-term-dumb = TERM=dumb: no colours
doctor-term-truecolor = TERM={ $term }, 24-bit colour
doctor-term-256 = TERM={ $term }, 256 colours
doctor-term-16 = TERM={ $term }, 16 colours
doctor-term-no-tty = no terminal (input and output are redirected): the workstation needs one; { $colours }
doctor-term-size-unknown = size unknown ({ $reason }); { $colours }
doctor-term-too-small = { $size }: too small, the workstation needs 60x15 (80x24 or more); { $colours }
doctor-term-small = { $size }: small, the workstation is made for 80x24 or more; { $colours }

## deskcoll man: the page's own sections (their headings stay English, as clap's do). roff
## as it is: \fB bold, \fI italic, \fR back to roman, \- a hyphen.

man-exit-status = 0 done (a result stored: code 00); 2 invalid input, nothing sent; 3 the server refused (code 90 or 91, HTTP 401 or 403); 4 sent but not confirmed (no answer, an overall deadline passed, or a redirect answering the result: it may or may not be stored); 1 anything else. \fBdeskcoll doctor\fR: 0 when no check fails, else 1.
man-files-system = System-wide settings, read first (\fBDESKCOLL_SYSTEM_CONFIG\fR names another file). A secret in it is refused unless the file is 0600, or 0640 with a group of deskcoll's users.
man-files-user = The user's settings, over the system's (\fB\-\-config\fR or \fBDESKCOLL_CONFIG\fR name another file); then the environment, then flags. \fBdeskcoll config show\fR says where each value came from.
man-files-outbox = Every recorded result and its delivery state (\fBstore.outbox\fR or \fBDESKCOLL_OUTBOX\fR move it); \fIoutbox\-demo.sqlite3\fR in demo mode. The log is \fIdeskcoll.log\fR beside it.
man-files-template = The commented template (also written by \fBdeskcoll config init\fR).
man-environment-serve = (for \fBdeskcoll serve\fR)
man-environment-secrets = Secrets belong in the files or the environment: flags show in \fBps\fR.

## deskcoll config show: its labels and where each value came from (keys and values never change)

config-show-system-file = system file
config-show-user-file = user file
config-show-mode = mode
config-source-default = default
config-source-system = system
config-source-user = user
config-source-env = env
config-source-flag = flag
picker-not-dialable = "{ $text }": not a phone number, not dialled

audit-verified =
    { $n ->
        [one] { $n } receipt checked: the chain holds
       *[other] { $n } receipts checked: the chain holds
    }
audit-broken = receipt of result { $id } (record { $n } of the chain): { $why }
audit-broken-edited = it does not match its hash (edited)
audit-broken-unreadable = it does not read as a receipt
audit-broken-unlinked = it does not name the receipt before it (one was removed, added or reordered)
audit-unreadable = the receipt of result { $id } does not read as a receipt (run deskcoll audit --verify)

## Re-sending a result that may already be stored (one rule for every path)
may-be-stored-uncertain = had no answer: it may already be on the server
may-be-stored-90 = was refused with 90, which answers any database error after the row was inserted: it may already be on the server
outbox-cli-needs-yes = result { $id } { $why }; { $flag } needs --yes
outbox-cli-going-ahead = result { $id } { $why }; { $flag } as asked (--yes)
outbox-discard-stored-question = Discard #{ $id } for { $account }? It { $why }: discarding here does not take it off the server. It stays listed. y / n
form-leave-correction-question = Leave the form? Result #{ $id } stays in the Outbox (tab 3) as rejected: correct it there with e, or discard it with x. y / n
form-left-correction = result #{ $id } stays in the Outbox (tab 3) as rejected: e corrects it, x discards it
form-resend-question = Send the correction of #{ $id }? The result { $why }: the server would hold it twice. y / n
form-after-refusal-keys = { $send } sends the correction in place of #{ $id } · { $leave } leaves it in the Outbox (tab 3) as rejected
form-after-refusal-keys-stored = { $send } sends the correction in place of #{ $id } (asks first: it may already be stored) · { $leave } leaves it in the Outbox (tab 3) as rejected
form-amount-over-due = more than the total due ({ $due })
form-amount-needed-hint = required: the total due is not known (1.500.000 or 1500000)
outbox-cli-or-90 = { $some }, or { $rejected } with 90
today-of-total-due = total due { $due }
customer-as-of = As of { $day }: days overdue, penalty, total due and bucket are that day's list's
customer-not-in-list = not in today's list: kept for its callback
queue-as-of = as of { $day }
queue-not-in-list = not in today's list
header-callback-late = Callback { $time }: { $name }, due { $late } ago
header-callbacks-due =
    { $n ->
        [one] { $n } callback due
       *[other] { $n } callbacks due
    }
## deskcoll termin: the whole set (issue 29)
termin-col-entry-wib = ENTRY (WIB)
termin-col-shipping = SHIPPING
termin-col-days-in-status = DAYS IN STATUS
termin-cli-reading =
    { $n ->
        [one] reading termin page { $page } of { $of } ({ $n } transaction)
       *[other] reading termin page { $page } of { $of } ({ $n } transactions)
    }
termin-cli-read =
    { $n ->
        [one] read { $pages } of { $of } pages, { $n } transaction
       *[other] read { $pages } of { $of } pages, { $n } transactions
    }
termin-cli-unknown-status = no transaction has status { $names }; statuses seen: { $seen }
termin-cli-no-po = no transaction has PO number { $po }
termin-cli-open-only = open only (not Selesai or Dibatalkan)
termin-cli-changed-n = changed ({ $n }):
termin-cli-bill-changed = bill { $from } -> { $to }
termin-status-open = open
termin-totals-shown = SHOWN
termin-totals-shown-title = Totals · what is shown ({ $what }) beside all { $n } · t hides
termin-totals-what-all = every transaction
termin-changes-title = Termin · since { $since } · { $new } new · { $changed } changed · { $gone } gone · c closes
termin-changes-first = Termin · no earlier look: every transaction is new · c closes
termin-change-new = new
termin-change-changed = changed
termin-change-gone = gone
termin-col-change = CHANGE
termin-col-was = WAS
termin-col-now = NOW
termin-band-open = { $status } · { $band } days in the status
termin-snapshot-failed = what changed is not known: { $error }
help-termin-status_pick = type the statuses to show: several, comma separated, or "open"
prompt-statuses = statuses, comma separated ("open": all but Selesai and Dibatalkan; empty: every one)
## Issue 26: receipts an auditor can trust (consent outside the window, anchors, verify)

refusal-consent-required = the call is outside the customer's calling window ({ $note }): give the consumer's consent reason
cli-calling-locked = the system config locks the calling rules (calling.lock): ignored { $keys } from the user's file
audit-no-outbox = no outbox at { $path }: nothing to verify (check store.outbox or DESKCOLL_OUTBOX)
audit-from-after-to = --from { $from } is after --to { $to }
audit-broken-gap = its seq is not { $expected } (a receipt was removed or inserted)
audit-no-receipt = result { $id } has no receipt (recorded since receipts began; its receipt was removed)
audit-no-result = receipt of result { $id } (record { $n } of the chain): its result is not in the outbox (deleted)
audit-twice = receipt of result { $id } (record { $n } of the chain): a second receipt for the same result that corrects nothing
audit-differs = receipt of result { $id } (record { $n } of the chain): the result's { $field } is not what its receipt says (the result was edited)
audit-server-verified =
    { $n ->
        [one] { $n } receipt checked against { $rows } rows of the server's export: every tag is accounted for
       *[other] { $n } receipts checked against { $rows } rows of the server's export: every tag is accounted for
    }
audit-server-missing = receipt { $seq } ({ $tag }) was delivered but is not in the server's export
audit-server-unknown = the server has a result for { $account } tagged { $tag } that no receipt here accounts for (receipts removed or re-sealed)
audit-server-unreadable = cannot read the server's export { $path }: { $error }
form-consent-needs-reason = not recorded: outside the customer's calling window the consumer's consent and its reason are needed
audit-broken-mistagged = its tag is not the one its seq and prev_sha256 make (re-sealed)
## Issue 27 (hardening): deadlines, caps, waits, permissions, what was not a task

api-deadline = gave up on the { $what } from { $host } after { $secs } s: its overall deadline (http.deadline_secs)
api-kind-task-list = task list
api-kind-termin-page = termin page
api-kind-result = result
api-kind-login = termin login
api-kind-health = health check
api-total-too-large = the termin pages came to more than { $mb } MB in all by page { $pages }: stopped (raise http.max_total_mb in the config)
api-busy-wait = the server is busy and asked to wait { $asked } s: waiting { $waited } s (http.max_retry_after_secs)
tasks-not-tasks =
    { $n ->
        [one] { $n } entry of the task list was not a task (not an object with a contract number): skipped
       *[other] { $n } entries of the task list were not tasks (not an object with a contract number): skipped
    }
cli-config-writable = { $path } is mode { $mode }: others can write it (read anyway: --insecure-config); run chmod go-w on it
doctor-config-writable = { $path } is mode { $mode }: others can write it (they could set calling.dial_command or base_url); run chmod go-w on it
serve-public-refused = --addr { $addr } can be reached from other machines, and the twin would take the seed document's public credentials (or none): set --password, --hash-key and --access-secret (or their DESKCOLL_TWIN_* variables, or [twin] in the config), or give --public to serve them anyway
cli-output-failed = cannot write --output { $path }: { $error }

## Issue 28 (outputs): the exit-code table, doctor's key probe, spreadsheets
exit-code-0 = done
exit-code-1 = any other error
exit-code-2 = invalid input: nothing was sent
exit-code-3 = the server refused (code 90 or 91, HTTP 401 or 403)
exit-code-4 = sent but not confirmed: it may be stored (a timeout, a dropped connection, HTTP 5xx, a redirect after the POST)
exit-code-5 = not sent: the server could not be reached (connection refused, DNS); a result waits in the outbox
man-exit-doctor = \fBdeskcoll doctor\fR exits 1 when a check fails; \fBdeskcoll audit \-\-verify\fR exits 1 naming the first receipt at fault.

## Words and screens (issue 30)

form-more-below = more ↓ ({ $n })
form-rules-title = { $field }: what it takes
form-rules-action = a code of the action list: type its code or words in either language (words of its result codes find it too); ↑ ↓ choose, Enter or Tab takes it
form-rules-result = a result code of the chosen action: code or words in either language; some results settle who answered
form-rules-party = who answered, in words of either language; a promise (PTP) and a right-party result only with the debtor or a co-debtor (POJK 22/2023 art. 62)
form-rules-promise = the date promised: YYYY-MM-DD or +N days, not before the call date and not past the promise horizon
form-rules-amount = the amount promised in rupiah (5000000, 5.000.000 or Rp 5.000.000), more than 0; empty: the total due
form-rules-period = the installment the result is about, 1 up to the contract's tenor
form-rules-callback = 14:00 today or YYYY-MM-DD 14:00 in the customer's zone, +2h hours, +2d days; inside the customer's calling window
form-rules-remark = free text up to 255 characters (the receipt's tag counted), no line breaks or tabs
queue-due-in-short = in { $n }d
queue-col-osar = OSAR
queue-col-local-short = WINDOW
queue-closes-short = closes { $minutes }m
queue-opens-short = opens { $at }
queue-sort-forward = { $sort } ↓
queue-sort-reversed = { $sort } ↑ reversed
store-stopped-while-sending = the program stopped while sending: it may have reached the server
os-connection-refused = Connection refused (os error { $code })
os-connection-reset = Connection reset by peer (os error { $code })
queue-load-failed-kept = today's list not read ({ $error }): the list kept on this desk (read { $at }) is shown and can be worked; r reads again
outbox-promised-amount = promised { $amount }
outbox-callback = callback { $time }
customer-not-given = — not given by the server
today-more = +{ $n } more
api-no-collection-server = no desk-collection server configured (set base_url or DESKCOLL_BASE_URL)
api-no-termin-server = no termin server configured (set termin.url or DESKCOLL_TERMIN_URL)
termin-scope-failed = not read (r reads again)
list-offline-short = offline { $from }
list-from-short = list { $from }

doctor-key-no-collection = no collection server: no result to sign
doctor-key-skipped = not probed (--no-key-probe): a wrong hash key shows only when the first result is refused with code 91
doctor-key-accepted = key accepted: a probe signed with it passed the server's signature check and, its date unreadable, was stored nowhere (HTTP 500)
doctor-key-refused = the server refused the probe's signature (code 91, Invalid Token): the hash key is wrong and every result would be refused (collection.hash_key, DESKCOLL_HASH_KEY)
doctor-key-forbidden = the server refused the probe (HTTP { $status }) without code 91: the key could not be checked
doctor-key-stored = the server STORED the probe (code 00): an entry for account { $account } must be removed, tell the server's administrators
doctor-key-unclear = the probe's answer (HTTP { $status }, code { $code }) does not tell whether the key is right
doctor-key-no-answer = { $url }: no answer to the key probe ({ $reason })
cli-xlsx-needs-output = --format xlsx writes a file: give --output FILE (a workbook is not text for a terminal or a pipe)
serve-state-kept = stored results and the clock kept in { $path }

## Issue 32 (the floor): the team ledger on PostgreSQL

team-error = { $error }
team-not-set = team.database_url is not set (DESKCOLL_TEAM_DATABASE_URL): there is no team ledger
team-init-migrated = the team ledger is at schema { $to } (it was at { $from }); roles deskcoll_agent and deskcoll_supervisor are ready
team-init-current = the team ledger is already at schema { $version }: nothing changed
team-pushed = pushed to the team ledger: { $results } result versions, { $receipts } receipts, { $reads } list reads; nothing waits
team-left = { $n } still wait for the team ledger (they go when it answers)
floor-heading = The floor, { $date }: { $agents } agents
floor-total = Total
floor-col-agent = Agent
floor-col-calls = Calls
floor-col-rpc = RPC
floor-col-rpc-rate = RPC rate
floor-col-ptp = PTPs
floor-col-ptp-rate = PTP rate
floor-col-promised = Promised
floor-col-kept-rate = Kept
floor-col-callbacks-due = CB due
floor-col-callbacks-missed = CB missed
floor-col-outside = Outside (consent)
floor-col-waiting = Waiting
floor-col-uncertain = Uncertain
floor-col-last = Last
floor-xlsx-terminal = a workbook is not for the terminal: write it with --output FILE (or redirect stdout)
ledger-waiting = ledger: { $n } waiting
ledger-ok = ledger: up to date
ledger-down = ledger: { $n } waiting (unreachable)
audit-team-verified =
    { $n ->
        [one] the chain holds and matches the team ledger: { $n } receipt here, { $held } in the ledger
       *[other] the chain holds and matches the team ledger: { $n } receipts here, { $held } in the ledger
    }
audit-team-missing = receipt { $seq } is in the team ledger but not on this desk (a deleted tail?)
audit-team-differs = receipt { $seq } differs from the team ledger's copy (sha256 { $here } here, { $ledger } in the ledger): edited or re-sealed
audit-team-behind =
    { $n ->
        [one] { $n } receipt here is not in the team ledger yet (deskcoll team push)
       *[other] { $n } receipts here are not in the team ledger yet (deskcoll team push)
    }
doctor-ledger-ok = team ledger: schema { $version }, { $role }; { $waiting } waiting here, the ledger holds up to receipt { $held } of { $last }
doctor-ledger-failed = team ledger: { $error }
doctor-ledger-rights = team ledger: this role may { $what } the receipts: the ledger is not tamper-proof (run deskcoll team init as the owner; grant agents deskcoll_agent only)
doctor-ledger-role-agent = agent role
doctor-ledger-role-supervisor = supervisor role
doctor-ledger-role-other = a role that is neither deskcoll_agent nor deskcoll_supervisor
tab-floor = Floor
floor-none = No agent has pushed to the team ledger yet.
floor-sorted = sorted by { $by } (s: next)
