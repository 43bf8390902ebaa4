# deskcoll: kata-kata dalam Bahasa Indonesia. Setiap pesan di sini ada kembarannya di en.ftl
# (diperiksa oleh tes). Argumen ditulis { $nama }. Spasi di awal dan akhir ditambahkan di kode.

## Tanggal dan jam

weekday-short-mon = Sen
weekday-short-tue = Sel
weekday-short-wed = Rab
weekday-short-thu = Kam
weekday-short-fri = Jum
weekday-short-sat = Sab
weekday-short-sun = Min
weekday-long-mon = Senin
weekday-long-tue = Selasa
weekday-long-wed = Rabu
weekday-long-thu = Kamis
weekday-long-fri = Jumat
weekday-long-sat = Sabtu
weekday-long-sun = Minggu
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = Mei
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Agu
month-short-9 = Sep
month-short-10 = Okt
month-short-11 = Nov
month-short-12 = Des
# Jum, 27 Nov 2026
date-long = { $weekday }, { $day } { $month } { $year }

## Kelompok antrean (kolom selebar 7), urutan, status pengiriman

bucket-label-broken_promise = INGKAR
bucket-label-day_1 = H+1
bucket-label-od_2_6 = H+2-6
bucket-label-message_follow_up = PESAN
bucket-label-pre_due = REMINDER
bucket-describe-broken_promise = ingkar janji
bucket-describe-day_1 = hari pertama lewat jatuh tempo
bucket-describe-od_2_6 = terlambat 2-6 hari
bucket-describe-message_follow_up = tindak lanjut pesan
bucket-describe-pre_due = pengingat sebelum jatuh tempo
sort-priority = prioritas
sort-overdue = hari terlambat
sort-total = total tagihan
sort-osar = sisa piutang
sort-name = nama
state-queued = dalam antrean
state-sending = sedang dikirim
state-delivered = terkirim
state-rejected = ditolak
state-uncertain = belum pasti
state-discarded = dibatalkan

## Jam boleh menelepon

window-until = sampai { $time }
window-holiday = libur ({ $name })
window-cuti-bersama = cuti bersama ({ $name })
window-too-early = terlalu pagi
window-too-late = terlalu malam
window-closed-opens = { $why }; buka { $at }
window-closed-no-day = { $why }; tidak ada hari buka sebulan ke depan
window-closes-in = tutup { $minutes } mnt lagi

## Isian yang ditolak

refusal-too-long = { $n } karakter, paling banyak { $max }
refusal-required = wajib diisi
refusal-control-characters = berisi karakter kontrol (baris baru, tab, atau escape)
refusal-promise-required-ptp = wajib untuk janji bayar (PTP)
refusal-not-a-date = bukan tanggal (tulis YYYY-MM-DD atau +N hari)
refusal-not-a-date-typed = '{ $typed }' bukan tanggal (tulis YYYY-MM-DD atau +N hari)
refusal-before-call-date = { $date } sebelum tanggal telepon { $call_date }
refusal-period-too-large = '{ $typed }' melebihi angka terbesar server ({ $max })
refusal-not-a-whole-number = '{ $typed }' bukan bilangan bulat 0 atau lebih
refusal-not-an-installment = { $typed } bukan angsuran kontrak ini (1..{ $tenor })
refusal-past-the-tenor = { $n } melewati { $tenor } angsuran kontrak ini (1..{ $tenor })
refusal-period-required = wajib: angsuran yang dimaksud hasil ini (1..{ $tenor })
refusal-unknown-action = '{ $action }' tidak ada di daftar kode
refusal-not-a-result-of = '{ $result }' bukan hasil dari { $action }
refusal-promise-required-for = wajib untuk { $action }
refusal-in-the-past = { $date } sudah lewat
refusal-too-far-ahead = { $date } lebih dari { $days } hari ke depan (paling lambat { $latest })

## Isian formulir hasil (kolom label selebar 13)

field-action = Kode aksi
field-result = Kode hasil
field-promise = Tanggal janji
field-period = Periode
field-remark = Catatan
field-party = Bicara dengan
field-amount = Nominal janji
field-callback = Telepon ulang
party-debtor = debitur
party-co-debtor = penjamin
party-spouse = pasangan
party-family = keluarga
party-emergency-contact = kontak darurat
party-third-party = pihak ketiga
party-nobody = tidak ada yang menjawab
party-unknown = belum diisi
refusal-unknown-party = '{ $typed }' bukan pihak yang dikenal (debtor, co_debtor, spouse, family, emergency_contact, third_party, nobody)
refusal-party-contradicts = { $code } berarti pihaknya { $party }
refusal-debtor-only = { $code } hanya boleh dicatat dengan debitur atau penjamin, bukan { $party } (POJK 22/2023 pasal 62 ayat 2)
refusal-not-an-amount = '{ $typed }' bukan jumlah uang
refusal-amount-not-positive = harus lebih dari 0
refusal-amount-needed = janji bayar perlu nominal: total tagihan tidak diketahui
refusal-callback-zone-unknown = zona waktu konsumen tidak diketahui
refusal-callback-not-a-time = '{ $typed }' bukan waktu (tulis 14.00, 14:00, YYYY-MM-DD 14.00, +2j untuk 2 jam atau +2h untuk 2 hari)
refusal-callback-past = { $at } sudah lewat
refusal-callback-closed = { $at } di luar jam kontak konsumen; paling cepat { $next }
refusal-callback-closed-month = { $at } di luar jam kontak konsumen; tidak ada hari buka sebulan ke depan

## Tombol: judul bantuan, kata di baris bawah, fungsi setiap tombol

context-global = Di mana saja
context-queue = Antrean
context-filter = Saring (mengetik)
context-form = Formulir hasil
context-outbox = Kotak Keluar
context-termin = Termin
context-prompt = Isian
context-confirm = Pertanyaan
context-overlay = Telepon
context-help = Bantuan
context-picker = Pilih telepon
hint-accept = terima
hint-all = semua
hint-back = kembali
hint-call = telepon
hint-cancel = batal
hint-clear = hapus
hint-delivered = terkirim
hint-dial = telepon
hint-discard = batalkan
hint-done = selesai
hint-down = turun
hint-edit = ubah
hint-export = ekspor
hint-filter = saring
hint-help = bantuan
hint-next = lanjut
hint-no = tidak
hint-page = halaman
hint-prev = sebelum
hint-promises = janji
hint-quit = keluar
hint-record = catat
hint-refresh = muat ulang
hint-search = cari
hint-send = kirim
hint-sort = urutan
hint-status = status
hint-submit = kirim
hint-totals = total
hint-up = naik
hint-yes = ya
hint-closes = tutup
hint-closes-key = tombol apa saja
hint-closes-other = tutup
hint-closes-other-key = tombol lain
help-queue-move_down = turun satu baris
help-queue-move_up = naik satu baris
help-queue-page_down = satu halaman ke bawah
help-queue-page_up = satu halaman ke atas
help-queue-first = tugas pertama
help-queue-last = tugas terakhir
help-queue-record = catat hasil telepon
help-queue-filter = saring menurut nama, kontrak, kode konsumen, telepon
help-queue-clear_filter = hapus saringan
help-queue-sort = ganti urutan (yang teratas ditampilkan)
help-queue-reverse_sort = balik urutan
help-queue-refresh = muat ulang antrean
help-queue-promises = janji bayar: jatuh tempo hari ini/besok, ingkar, semua
help-queue-call = telepon: pilih nomor (bertanya bila lewat batas kontak atau di luar jam telepon)
help-outbox-move_down = turun satu baris
help-outbox-move_up = naik satu baris
help-outbox-page_down = satu halaman ke bawah
help-outbox-page_up = satu halaman ke atas
help-outbox-first = terbaru
help-outbox-last = terlama
help-outbox-send = kirim sekarang (bertanya dulu untuk yang belum pasti)
help-outbox-edit = ubah hasil yang ditolak
help-outbox-mark_delivered = tandai hasil yang belum pasti sebagai terkirim (bertanya dulu)
help-outbox-discard = batalkan (bertanya dulu; tetap tercantum)
help-termin-move_down = turun satu baris
help-termin-move_up = naik satu baris
help-termin-page_down = satu layar baris ke bawah
help-termin-page_up = satu layar baris ke atas
help-termin-first = baris pertama
help-termin-last = baris terakhir
help-termin-next_page = halaman berikutnya
help-termin-prev_page = halaman sebelumnya
help-termin-first_page = halaman pertama
help-termin-last_page = halaman terakhir
help-termin-go_to_page = ke halaman
help-termin-more_rows = lebih banyak baris per halaman
help-termin-fewer_rows = lebih sedikit baris per halaman
help-termin-search = cari PO, PR, faktur, pembeli, vendor
help-termin-status_filter = saring menurut status (bergilir di antara yang dimuat)
help-termin-load_all = muat semua halaman (Esc membatalkan), lalu total
help-termin-totals = total per status dan vendor (setelah A)
help-termin-export = ekspor baris yang tampil ke CSV
help-termin-refresh = muat ulang halaman
help-termin-clear_filter = batalkan muat semua / hapus pencarian dan status
help-prompt-accept = terima
help-prompt-cancel = batal
help-filter-accept = simpan saringan, kembali ke daftar
help-filter-cancel = hapus saringan
help-form-next_field = isian berikutnya
help-form-prev_field = isian sebelumnya
help-form-pick_down = kode berikutnya di daftar
help-form-pick_up = kode sebelumnya di daftar
help-form-take_code = ambil kode / isian berikutnya (di isian terakhir: kirim)
help-form-submit = simpan dan kirim
help-form-cancel = batal (bertanya bila sudah ada yang diketik)
help-form-help = tombol formulir dan isi kolom yang sedang dipilih
help-picker-pick_down = nomor berikutnya
help-picker-pick_up = nomor sebelumnya
help-picker-accept = telepon nomor yang ditandai
help-picker-call_1 = telepon nomor 1
help-picker-call_2 = telepon nomor 2
help-picker-call_3 = telepon nomor 3
help-picker-call_4 = telepon nomor 4
help-picker-cancel = tutup tanpa menelepon
help-help-scroll_down = gulir bantuan ke bawah
help-help-scroll_up = gulir bantuan ke atas
help-confirm-yes = ya, lanjutkan
help-confirm-no = tidak (tombol lain juga)
help-global-help = bantuan
help-global-tab_1 = tab Antrean
help-global-tab_2 = tab Termin
help-global-tab_3 = tab Kotak Keluar
help-global-tab_4 = tab Hari Ini
help-global-next_tab = tab berikutnya
help-global-prev_tab = tab sebelumnya
help-global-quit = keluar
help-global-force_quit = keluar (bertanya bila formulir berisi)

## Bingkai: tab, kepala, baris status, jendela

tab-queue = Antrean
tab-termin = Termin
tab-outbox = Kotak Keluar
tab-today = Hari Ini
frame-too-small = Terminal terlalu kecil ({ $width }x{ $height }).
    deskcoll butuh paling sedikit { $min_width }x{ $min_height }.
confirm-title = y (ya) / n (tidak)
picker-title = Telepon { $account }
picker-phone = telepon { $n }
picker-hint = Enter atau angka nomornya menelepon · Esc menutup
dial-title = Telepon
dial-note = disalin ke papan klip · tombol apa saja menutup
server-connecting = menyambung
server-connected = tersambung
server-failing = gagal
list-refreshing = daftar dari { $from } · memperbarui
list-offline = luring · daftar dari { $from }
list-from = daftar dari { $from }
header-agent = agen { $agent }
header-waiting = belum terkirim
header-demo = DEMO
header-insecure = tidak aman
header-callback-soon = Telepon ulang { $time }: { $name } { $minutes } mnt lagi
header-callback-due = Telepon ulang { $time }: { $name } sekarang
prompt-filter = saring
prompt-search = cari
prompt-go-to-page = ke halaman
prompt-export = simpan CSV sebagai
prompt-override-reason = di luar jam: persetujuan konsumen sebelumnya (alasan)
help-title = Tombol · j/k gulir · tombol lain menutup
help-title-more = Tombol · j/k gulir (masih ada di bawah) · tombol lain menutup
queue-loading = memuat antrean…

## Server dan kotak keluar: apa yang salah

api-unauthorized = kredensial salah: server menolak nama pengguna atau kata sandi (HTTP 401)
api-invalid-token = token tidak sah: server menolak tanda tangan (kode { $code }: { $message }); periksa hash key
api-forbidden = akses ditolak (HTTP 403){ $excerpt }
api-refused = server menolak (kode { $code }): { $message }
api-not-found = tidak ditemukan (HTTP 404): { $url }; periksa URL di konfigurasi
api-status = kesalahan server: HTTP { $status }{ $excerpt }
api-timeout = tidak ada jawaban setelah { $secs } detik dari server di { $host }
api-connect = tidak dapat tersambung ke { $host }: { $reason }
api-dropped = sambungan ke { $host } terputus sebelum server menjawab
api-not-json = server mengirim halaman, bukan JSON (HTTP { $status }){ $excerpt }
api-too-large = jawaban terlalu besar: lebih dari { $mb } MB (naikkan http.max_body_mb di konfigurasi)
api-redirect = server di { $from } menjawab HTTP { $status }, pengalihan ke { $to }: tidak diikuti (kredensial atau hasil bertanda tangan akan terbawa ke sana); periksa URL di konfigurasi
api-wire = jawaban tidak terbaca: { $reason }
api-other = permintaan gagal: { $reason }
store-sql = kotak keluar { $path }: { $reason }
store-no-such-item = kotak keluar: tidak ada hasil dengan id { $id }
store-not-allowed = kotak keluar: hasil { $id } berstatus { $from }; tidak dapat menjadi { $to }
store-folder = tidak dapat membuat folder kotak keluar { $path }: { $reason }
outbox-cannot-read = kotak keluar tidak terbaca: { $error }
nothing-changed = tidak ada yang berubah
form-discarded = hasil dibatalkan
quit-question = Keluar dan buang hasil yang sedang diketik? y / n

## Antrean

promises-all = semua tugas
promises-due-soon = janji bayar jatuh tempo hari ini atau besok
promises-broken = ingkar janji
queue-load-failed = antrean tidak dapat dimuat: { $error }
queue-receiving = menerima daftar tugas: { $got } · Esc berhenti
queue-receiving-of = menerima daftar tugas: { $got } dari { $total } · Esc berhenti
queue-load-stopped = pembacaan daftar tugas dihentikan; daftar yang tampil tetap (r membaca lagi)
queue-loaded = { $n } tugas dimuat
queue-showing = menampilkan { $what }
queue-sorted = diurutkan menurut { $sort }
queue-sorted-reversed = diurutkan menurut { $sort }, terbalik
queue-none-selected = tidak ada tugas yang dipilih
dial-override-needs-reason = tidak ditelepon: pengecualian butuh persetujuan konsumen dan alasannya
dial-not-dialed = tidak ditelepon
dial-no-phone = tidak ada nomor telepon yang dapat dihubungi
dial-past-limit-question = { $account } sudah dihubungi { $contacts } kali hari ini (batas { $max }). Kontak yang "terus-menerus atau mengganggu" dilarang. Tetap telepon? y / n
dial-outside-window = di luar jam telepon ({ $note }); hanya dengan persetujuan konsumen sebelumnya
dial-copied = { $phone } disalin ke papan klip: tekan nomornya di telepon Anda
dial-launched = menelepon { $phone } dengan { $program }
dial-failed = tidak dapat menelepon { $phone }: { $error }
dial-error-not-logged = tidak ditelepon: kontak tidak dapat dicatat ({ $error })
dial-error-not-dialable = tidak ditelepon: '{ $phone }' bukan nomor telepon
dial-error-command = dial_command: { $reason }
dial-error-empty-command = dial_command: kosong
list-position = { $at } dari { $of }
queue-title = Antrean · { $position } · urutan: { $sort }
queue-in-all = { $n } seluruhnya
queue-not-loaded = Antrean tidak dapat dimuat. Tekan r untuk mencoba lagi.
queue-no-match = Tidak ada tugas yang cocok dengan '{ $filter }'. Esc menghapus saringan.
queue-no-promises = Tidak ada { $what } di antara { $n } tugas. p menampilkan semua tugas.
queue-empty = Tidak ada tugas di antrean hari ini.
queue-closed = tutup
# Judul kolom: TAHAP selebar 7, OD 3 (hari terlambat, istilah leasing), TOTAL TAGIHAN 16, CABANG 11, WAKTU / BUKA 15.
queue-col-bucket = BUCKET
queue-col-contract = KONTRAK
queue-col-name = NAMA
queue-col-overdue = OD
queue-col-total-due = TOTAL TAGIHAN
queue-col-branch = CABANG
queue-col-local = WAKTU / BUKA
queue-col-product = PRODUK

## Panel konsumen (label: kolomnya selebar label terpanjang)

customer-title = Konsumen
customer-none = Tidak ada tugas yang dipilih.
customer-due-in = jatuh tempo { $n } hari lagi
customer-days-overdue = Hari Terlambat
customer-total-due = Total Tagihan
customer-penalty = Denda
customer-osar = Sisa Piutang
customer-installment = Angsuran
customer-installment-value = { $amount } · ke-{ $no } dari { $of } · jatuh tempo { $due }
customer-last-payment = Bayar terakhir
customer-last-payment-value = { $amount } pada { $on } · angsuran ke-{ $tenor } · jatuh tempo { $due }
customer-phones = Telepon
customer-no-phones = tidak ada
customer-contract = Kontrak
customer-contract-value = { $contract } · konsumen { $customer }
customer-asset = Aset
customer-payment = Cara bayar
customer-branch = Cabang
customer-branch-value = { $branch } · marketing { $marketing }
customer-address = Alamat
customer-local-time = Waktu lokal
customer-today = Hari ini
customer-promise = Janji bayar
customer-promise-broken = ingkar
customer-promise-due = jatuh tempo
customer-recorded = hasil tercatat
customer-zone-branch = perkiraan dari cabang { $place }
customer-zone-unknown = zona tidak diketahui: dianggap WIB
customer-callable = boleh ditelepon { $note }
customer-closed = tutup: { $note }
customer-contacts = { $n } dari { $max } kontak
customer-override = pengecualian { $at } ({ $reason })
customer-history = Riwayat

## Formulir hasil

form-title = Hasil · { $account } · { $name }
form-promise-hint = YYYY-MM-DD atau +N hari
form-period-hint = angsuran ke- yang ditagih
form-amount-hint = 1.500.000 atau 1500000
form-callback-hint = 14.00, YYYY-MM-DD 14.00, +2j jam, +2h hari
form-no-code = tidak ada kode yang cocok
form-sends = Dikirim: waktu telepon { $time } · agen { $agent } · IP { $ip }
form-not-set = (belum diisi)
form-sending = mengirim…
form-failed = tidak terkirim: { $reason }
form-discard-question = Buang hasil yang sedang diketik? y / n
form-not-sent = tidak terkirim: { $error }
form-past-limit-question = Ini kontak ke-{ $n } dengan { $account } hari ini (batas { $max }). Tetap catat? y / n
form-not-saved = tidak tersimpan: { $error }
form-rejected = ditolak: { $reason } (disimpan di Kotak Keluar sebagai #{ $id })
form-uncertain = tidak ada jawaban ({ $reason }): #{ $id } mungkin sudah tersimpan; menunggu keputusan Anda di Kotak Keluar
form-retry = disimpan sebagai #{ $id }, belum terkirim ({ $reason }); dicoba lagi di latar belakang

## Kotak Keluar

outbox-title = Kotak Keluar { $position }: { $delivered } terkirim, { $waiting } menunggu, { $rejected } ditolak, { $uncertain } belum pasti
outbox-empty = Belum ada hasil yang dicatat. Setiap hasil yang Anda kirim disimpan di sini lebih dulu.
# Judul kolom: ID 6, STATUS selebar kata terpanjangnya, KONTRAK 15, HASIL 11, DITELEPON 11, COBA 3.
outbox-col-id = ID
outbox-col-state = STATUS
outbox-col-account = KONTRAK
outbox-col-name = NAMA
outbox-col-result = HASIL
outbox-col-called = DITELEPON
outbox-col-tries = COBA
outbox-col-last-error = KESALAHAN
outbox-promise = janji { $date }
outbox-party = dengan { $party }
outbox-by = oleh { $who }
outbox-server = server: { $code } { $message }
outbox-called = ditelepon { $time }
outbox-remark = catatan: { $remark }
outbox-left-list-hint = Petunjuk: kontraknya sudah keluar dari daftar hari ini: mungkin sudah sampai — periksa sebelum memutuskan.
outbox-advice-uncertain = Tidak ada jawaban: mungkin sudah ada di server. R mengirim lagi (ganda bila sudah sampai), D menandainya terkirim setelah Anda tahu server sudah menyimpannya.
outbox-advice-refused-90 = Ditolak dengan 90, yang juga dijawab server setelah menyimpannya: periksa server dulu. R, atau e lalu Ctrl-S, mengirimnya lagi (keduanya bertanya), D menandainya terkirim bila Anda tahu server sudah menyimpannya, x membatalkannya di sini.
outbox-advice-rejected = Server menolaknya. e mengubah dan mengirim perbaikannya, R mengirim tanpa perubahan, x membatalkannya.
outbox-advice-queued = Menunggu dikirim; dicoba lagi di latar belakang. R mengirimnya sekarang.
outbox-nothing-to-do = #{ $id } berstatus { $state }: tidak ada yang perlu dilakukan
outbox-send-question = Kirim lagi #{ $id }? Hasil ini { $why }: server akan menyimpannya dua kali. y / n
outbox-mark-question = Tandai #{ $id } terkirim? Hanya bila Anda tahu server sudah menyimpannya. y / n
outbox-discard-question = Batalkan #{ $id } untuk { $account }? Tidak akan dikirim; tetap tercantum. y / n
outbox-being-sent = #{ $id } sedang dikirim
outbox-marked = #{ $id } ditandai terkirim
outbox-discarded = #{ $id } dibatalkan

## Termin

termin-title = Termin · { $position } · { $scope }
termin-scope-all = semua { $n } transaksi
termin-scope-loading = memuat
termin-scope-page = halaman { $page } dari { $of } · { $n } transaksi · { $limit } per halaman
termin-status = status { $status }
termin-page-only = hanya halaman ini sampai semua dimuat
termin-loading-page = halaman { $page }
termin-gauge = memuat halaman { $page } dari { $of } · { $n } transaksi · Esc membatalkan
termin-loading = memuat transaksi termin…
termin-load-failed = Transaksi termin tidak dapat dimuat:
    { $error }

    r mencoba lagi.
termin-none = Tidak ada transaksi termin.
    Server tidak punya yang bisa ditampilkan.
termin-page-empty = Halaman { $page } kosong.
    h kembali, H ke halaman pertama.
termin-no-match = Tidak ada transaksi yang cocok dengan pencarian atau status. Esc menghapusnya.
# Judul kolom: TGL MASUK 11 (16 dengan penjual), NOMOR PO dan PR 23, STATUS 16, TAHAP 5,
# JUMLAH TAGIHAN 16, SUBTOTAL 16, pajak 15.
termin-col-entry-date = TGL MASUK
termin-col-po = NOMOR PO
termin-col-pr = NOMOR PR
termin-col-buyer = PEMBELI
termin-col-vendor = PENJUAL
termin-col-status = STATUS
termin-col-step = TAHAP
termin-col-bill = JUMLAH TAGIHAN
termin-col-subtotal = SUBTOTAL
termin-col-pph = TOTAL PPh
termin-col-ppn = TOTAL PPN
termin-detail-title = Transaksi
termin-none-selected = Tidak ada transaksi yang dipilih.
termin-step = tahap { $step }
termin-general = Umum
termin-general-value = PR { $pr } · faktur { $invoice } tanggal { $invoiced } · masuk { $entered } · status berubah { $changed }
termin-buyer = Pembeli
termin-buyer-value = { $buyer } ({ $user_name }) · grup { $group } · BUMN { $bumn } · pengguna { $user }
termin-payment = Pembayaran
termin-subtotal = subtotal
termin-shipping = ongkos kirim { $cost } (PPN { $ppn }, PPh { $pph })
termin-taxes = PPN { $ppn } (produk { $product }) ditanggung { $by } · PPh21 { $pph21 } · PPh22 { $pph22 } · PPh23 { $pph23 } · total PPh { $pph }
termin-bill = tagihan
termin-bank = { $bank } · VA { $va } · metode { $method } · pemilik { $holder } · tahap { $step }
termin-vendor = Penjual
termin-email = email
termin-phone = telepon
termin-totals-title = Total semua transaksi · t menyembunyikan
termin-totals-all = SEMUA
termin-totals-top-vendors = PENJUAL TERBESAR
termin-totals-count = JML TRX
termin-no-status = tanpa status
termin-no-vendor = tanpa penjual
termin-loading-for-filter = memuat semua halaman agar semuanya dapat dicari (Esc membatalkan)
termin-page-failed = halaman { $page } tidak dapat dimuat: { $error }
termin-all-loaded = semua { $n } transaksi dimuat; t menampilkan total
termin-all-cancelled = memuat semua halaman dibatalkan
termin-all-failed = semua halaman tidak dapat dimuat: { $error }
termin-exported = tersimpan { $path } ({ $n } baris)
termin-export-failed = tidak tersimpan: { $error }
termin-rows-a-page = { $n } baris per halaman
termin-every-status = semua status
termin-cancelling = membatalkan…
termin-totals-need-all = total butuh semua halaman: tekan A untuk memuat semua
termin-not-a-page = '{ $text }' bukan nomor halaman
termin-no-file-name = tidak ada nama file: tidak ada yang diekspor

## Hari Ini

today-title = Hari Ini · { $date }
today-calls = Telepon tercatat
today-ptp = Janji bayar diperoleh
today-ptp-total = Total tagihan akun yang berjanji
today-delivered = Terkirim
today-waiting = Menunggu dikirim
today-rejected = Ditolak
today-uncertain = Belum pasti
today-by-action = Menurut aksi
today-none = tidak ada
today-due-today = Janji bayar jatuh tempo hari ini
today-due-tomorrow = Janji bayar jatuh tempo besok
today-broken = Bucket ingkar janji (daftar hari ini)
today-calls-how = hasil tercatat hari ini
today-rpc = Kontak debitur (RPC)
today-rpc-how = debitur atau penjamin menjawab
today-rpc-rate = Rasio RPC
today-rpc-rate-how = { $rpc } RPC ÷ { $calls } telepon
today-ptp-rate = Rasio janji bayar
today-ptp-rate-how = { $ptp } janji ÷ { $rpc } RPC
today-promised = Nominal janji
today-promised-how = jumlah janji hari ini
today-kept-rate = Rasio janji ditepati
today-kept-rate-how = { $kept } ÷ ({ $kept } ditepati + { $broken } tidak ditepati)
today-unknown = Janji belum diketahui
today-unknown-how = lewat tanggal + { $grace } hari, tanpa bukti
today-callbacks = Telepon ulang
today-callbacks-how = jatuh waktu, belum ada hasil baru
today-by-hour = Telepon per jam
today-states = Terkirim { $delivered } · menunggu { $waiting } · ditolak { $rejected } · belum pasti { $uncertain }

## Memulai layar kerja

config-invalid-file = berkas konfigurasi tidak sah { $file }: { $error }
workstation-needs-terminal = layar kerja butuh terminal ({ $error }); perintah CLI bisa dipakai tanpa terminal

## Baris perintah: perintah yang ditolak

cli-refused = { $faults } (lihat `{ $help } --help`)
cli-did-you-mean = maksud Anda { $name }?
cli-value-needed = butuh nilai
cli-not-valid = '{ $value }' tidak sah
cli-not-one-of = '{ $value }' bukan salah satu dari { $valid }
cli-required = wajib
cli-conflict = tidak dapat dipakai bersama { $other }
cli-conflict-others = tidak dapat dipakai bersama yang lain
cli-unknown-option = bukan opsi di sini
cli-unknown-command = '{ $name }' bukan perintah
cli-command-needed = butuh perintah: { $names }

## Baris perintah: kata-katanya sendiri

cli-error = deskcoll: kesalahan: { $message }
cli-warning = deskcoll: peringatan: { $message }
cli-no-runtime = runtime tidak dapat dimulai: { $error }
cli-cannot-read-secret = { $what } tidak dapat dibaca: { $error }
cli-insecure = kredensial terkirim tanpa enkripsi lewat http:// biasa ke { $hosts }; pakai https://
cli-config-open = { $path } dapat dibaca pengguna lain dan berisi rahasia; jalankan chmod 600 padanya
cli-sign-demo = mode demo (tidak ada server dikonfigurasi): ditandatangani dengan hash key server demo
cli-no-hash-key = tidak ada hash key: isi DESKCOLL_HASH_KEY atau collection.hash_key, jalankan di terminal agar ditanya, atau beri --hash-key
cli-excel-json = --excel menulis CSV: tidak bisa bersama --format json
cli-no-config-dir = tidak ada folder konfigurasi di platform ini: beri --config PATH
cli-config-exists = { $path } sudah ada; beri --force untuk menimpanya
cli-wrote = ditulis { $path }
cli-none = tidak ada

## deskcoll tasks (tabelnya; JSON dan CSV tidak pernah berubah)

tasks-due-in = jatuh tempo { $n } hari lagi
tasks-yes = ya
tasks-col-bucket = BUCKET
tasks-col-contract = KONTRAK
tasks-col-name = NAMA
tasks-col-overdue = HARI TERLAMBAT
tasks-col-total-due = TOTAL TAGIHAN
tasks-col-n-of = KE/DARI
tasks-col-branch = CABANG
tasks-col-local = WAKTU LOKAL
tasks-col-callable = BOLEH DITELEPON
tasks-count = { $n } tugas
tasks-count-callable = { $n } tugas boleh ditelepon sekarang
tasks-demo = server demo
tasks-cached-none = belum ada daftar tugas tersimpan untuk server ini: jalankan deskcoll tasks sekali saat server dapat dihubungi
tasks-cached-from = daftar tersimpan dibaca { $at }

## Telepon ulang: posisinya (tabel deskcoll callbacks; JSON tidak pernah berubah)

callback-status-pending = belum waktunya
callback-status-due = sudah waktunya
callback-status-done = selesai
callback-status-missed = terlewat
callbacks-col-due = JADWAL
callbacks-col-account = KONTRAK
callbacks-col-name = NAMA
callbacks-col-status = STATUS
callbacks-none = belum ada telepon ulang tercatat

## deskcoll today (tabelnya; nama angka di CSV tidak pernah berubah)

today-no-task-list = tidak ada daftar tugas ({ $error }); ingkar janji tidak dapat diketahui
today-calls-of = telepon { $action }
today-broken-short = Bucket ingkar janji
today-heading = Hari ini, { $date }

## deskcoll termin

termin-cli-past-last = halaman { $page } dari { $of }: melewati halaman terakhir ({ $limit } per halaman)
termin-cli-position = halaman { $page } dari { $of }, { $n } transaksi
termin-cli-none = tidak ada transaksi termin

## deskcoll outbox (tabelnya; JSON dan CSV tidak pernah berubah)

outbox-cli-or = { $some } atau { $last }
outbox-cli-nothing = tidak ada
outbox-cli-col-action = AKSI
outbox-cli-col-promise = JANJI
outbox-cli-col-call-time = WAKTU_TELEPON
outbox-cli-col-attempts = PERCOBAAN
outbox-cli-hint = hasil { $id }: kontraknya sudah keluar dari daftar hari ini: mungkin sudah sampai — periksa sebelum memutuskan
outbox-cli-counts = { $n } hasil: { $delivered } terkirim, { $waiting } menunggu, { $rejected } ditolak, { $uncertain } belum pasti
outbox-cli-flushed = { $delivered } terkirim, { $queued } dalam antrean, { $rejected } ditolak, { $uncertain } belum pasti
outbox-cli-undelivered = { $n } hasil belum terkirim (lihat `deskcoll outbox list`)
outbox-cli-not-applicable = hasil { $id } berstatus { $state }: { $flag } hanya berlaku untuk { $states }
outbox-cli-marked = hasil { $id }: ditandai terkirim
outbox-cli-result-state = hasil { $id }: { $state }

## deskcoll submit (nama isian tetap seperti yang dikenal server dan berkas batch)

submit-no-task-list = tidak ada daftar tugas ({ $error }); tanpanya periode menjadi 0, angsuran kontrak tidak diperiksa, dan tagihan tidak dicatat
submit-party-unconfirmed = { $account }: { $code } hanya untuk debitur atau penjamin; dicatat dengan pihak belum diisi (sebutkan dengan --party)
submit-at-limit = { $account } sudah { $n } hasil hari ini, tepat di batas { $max } sehari (calling.max_contacts_per_day); tetap dicatat
submit-over-limit = { $account } sudah { $n } hasil hari ini, melewati batas { $max } sehari (calling.max_contacts_per_day); tetap dicatat
submit-rejected = ditolak: { $reason }
submit-uncertain = belum pasti: { $reason } (mungkin sudah tersimpan; lihat `deskcoll outbox list`)
submit-queued = dalam antrean: { $reason }; `deskcoll outbox flush` mengirimnya
submit-invalid = hasil tidak sah, tidak ada yang dikirim: { $refusals }
submit-result = hasil { $id }: { $what }
submit-cannot-read = { $path } tidak dapat dibaca: { $error }
submit-no-column = { $path }: tidak ada kolom '{ $column }' (butuh account, action, result, promise, period, remark)
submit-row = baris { $line }: { $what }
submit-row-invalid = baris { $line }: tidak sah: { $why }
submit-summary = { $n } baris: { $delivered } terkirim, { $undelivered } belum terkirim, { $invalid } tidak sah

## deskcoll serve

serve-rate = { $name } harus di antara 0 dan 1
serve-tasks = --tasks { $n } butuh --contracts paling sedikit { $n }
serve-cannot-listen = tidak dapat mendengarkan di { $addr }: { $error }
serve-listening = server demo deskcoll mendengarkan di { $url }
serve-point = arahkan klien ke sana:
serve-and-passwords = dan DESKCOLL_PASSWORD, DESKCOLL_TERMIN_PASSWORD seperti yang diberikan ke serve
serve-and-hash-key = dan DESKCOLL_HASH_KEY seperti yang diberikan ke serve
serve-received = hasil yang diterima: { $url } (dengan Basic auth server demo)
serve-received-local = hasil yang diterima: { $url } (dengan Basic auth server demo; hanya dari mesin ini)

## Meja supervisor (tab Termin atas seluruh data)
help-termin-sort_column = urutkan semua menurut tanggal masuk, tagihan, status, vendor, pembeli, tahap, lalu tanpa urutan
help-termin-reverse_column = balik urutan itu
help-termin-date_range = tanggal masuk dari/sampai (WIB): YYYY-MM-DD YYYY-MM-DD
help-termin-group = kelompokkan semua menurut status, vendor, pembeli, bulan, lalu tanpa kelompok
help-termin-open_group = buka kelompok di kursor (Esc kembali)
help-termin-aging = umur pekerjaan yang belum selesai: hari dalam status per status
help-termin-changes = hanya yang baru atau berubah sejak terakhir dilihat
hint-order = urutan
hint-dates = tanggal
hint-group = kelompok
hint-ageing = umur
hint-changes = perubahan
prompt-date-range = tanggal masuk dalam WIB (DARI SAMPAI, DARI, ..SAMPAI, atau kosong untuk semua)
termin-range-refused = bukan rentang: { $why }
termin-desk-everything = semua transaksi
termin-column-entry_date = tanggal masuk
termin-column-bill_amount = tagihan
termin-column-status = status
termin-column-vendor = vendor
termin-column-buyer = pembeli
termin-column-step = tahap
termin-desk-sorted = diurutkan menurut { $column }
termin-desk-sorted-reversed = diurutkan menurut { $column }, terbalik
termin-desk-range = masuk { $since } sampai { $until }
termin-group-status = status
termin-group-vendor = vendor
termin-group-buyer = pembeli
termin-group-month = bulan
termin-desk-grouped = per { $by }
termin-desk-group-open = kelompok { $key }
termin-desk-changed-only = baru atau berubah sejak terakhir dilihat
termin-groups-title = Termin · { $n } kelompok per { $by } · { $position } · Enter membuka satu
termin-ageing-title = Termin · umur: hari dalam status (WIB) dari yang belum { $finished } · Enter membuka satu · a menutup
termin-band-0-30 = 0-30
termin-band-31-60 = 31-60
termin-band-61-90 = 61-90
termin-band-over-90 = lebih dari 90
termin-col-group = KELOMPOK
termin-col-count = JML TRX
termin-col-share = PANGSA
termin-col-days = HARI
store-newer = outbox { $path } ditulis oleh deskcoll yang lebih baru (skema { $found }; yang ini mengenal sampai { $known }): tidak diubah; perbarui deskcoll, atau atur store.outbox (DESKCOLL_OUTBOX) ke berkas lain
termin-cli-bad-sort = --sort: '{ $name }' bukan salah satu dari { $names }
termin-cli-bad-group = --group-by: '{ $name }' bukan salah satu dari status, vendor, buyer, month
termin-cli-bad-range = --since { $since } jatuh setelah --until { $until }
termin-cli-scope = { $n } transaksi
termin-cli-scope-range = { $n } transaksi masuk { $since } sampai { $until } (WIB)
termin-cli-ageing-of = belum selesai (semua kecuali { $finished }), dari { $scope }
termin-cli-snapshot-failed = tidak dapat menyimpan cuplikan termin: { $error }
termin-cli-since = sejak { $since }
termin-cli-first-look = belum pernah dilihat: semua transaksi baru
termin-cli-new = baru ({ $n }): { $list }
termin-cli-changed = berubah { $po }: { $from } tahap { $from_step } -> { $to } tahap { $to_step }
termin-cli-gone = hilang ({ $n }): { $list }

## deskcoll doctor (nama pemeriksaan, ok / warn / fail dan kunci JSON tidak pernah berubah)

doctor-span-s = { $s } detik
doctor-span-m-s = { $m } menit { $s } detik
doctor-span-h-m = { $h } jam { $m } menit
doctor-span-d-h = { $d } hari { $h } jam
doctor-not-checked = tidak diperiksa
doctor-not-checked-config = tidak diperiksa: konfigurasi tidak dapat dibaca
doctor-config-system = berkas sistem { $file }
doctor-config-no-system = tidak ada berkas sistem ({ $path })
doctor-config-user = berkas pengguna { $file }
doctor-config-user-open = berkas pengguna dapat dibaca pengguna lain: jalankan chmod 600 pada berkas itu
doctor-config-no-dir = tidak ada direktori konfigurasi
doctor-config-no-user = tidak ada berkas pengguna ({ $path })
doctor-config-none-demo = tidak ada berkas konfigurasi: mode demo (server demo bawaan)
doctor-config-none-env = tidak ada berkas konfigurasi: pengaturan hanya dari variabel lingkungan dan opsi
doctor-config-insecure = kredensial terkirim tanpa enkripsi lewat http:// biasa ke { $hosts }
doctor-demo-note = (demo: server demo bawaan)
doctor-no-collection = belum ada server desk-collection yang dikonfigurasi (collection.base_url, DESKCOLL_BASE_URL)
doctor-no-hash-key = tidak ada hash key (collection.hash_key, DESKCOLL_HASH_KEY): hasil tidak dapat ditandatangani
doctor-termin-not-configured = tidak dikonfigurasi
doctor-termin-answered = { $url }: menjawab dalam { $ms } ms
doctor-termin-total = { $n } transaksi
doctor-credentials-refused = { $url }: kredensial ditolak: { $reason }
doctor-unreachable = { $url }: tidak dapat dijangkau: { $reason }
doctor-without-credentials = tanpa kredensial
doctor-as-user = sebagai { $user }
doctor-no-answer = { $url }: tidak ada jawaban dalam { $secs } detik
doctor-tasks-answered = daftar tugas menjawab { $who } dalam { $ms } ms
doctor-credentials-needed = kredensial diperlukan (HTTP 401): isi collection.user dan collection.password
doctor-credentials-refused-for = kredensial untuk { $user } ditolak (HTTP 401): periksa collection.user dan collection.password (DESKCOLL_PASSWORD)
doctor-access-denied = akses ditolak (HTTP 403)
doctor-not-found = tidak ditemukan (HTTP 404): periksa collection.base_url atau collection.tasks_url
doctor-redirect = HTTP { $status }, dialihkan ke { $to }: tidak diikuti; periksa URL yang dikonfigurasi
doctor-nowhere = (tanpa tujuan)
doctor-reachable-but = dapat dijangkau, tetapi menjawab HTTP { $status }
doctor-clock-no-date = tidak diperiksa: tidak ada server yang menjawab dengan waktunya (HTTP Date)
doctor-clock-apart = jam server selisih { $span } dengan jam komputer ini{ $fixed }
doctor-clock-ahead = jam server { $span } lebih cepat dari jam komputer ini{ $fixed }: server mencatat waktu hasil dengan jamnya sendiri
doctor-clock-behind = jam server { $span } lebih lambat dari jam komputer ini{ $fixed }: server mencatat waktu hasil dengan jamnya sendiri
doctor-outbox-none = { $path }: belum ada (dibuat saat hasil pertama)
doctor-outbox-unreadable = tidak dapat dibaca: { $reason }
doctor-outbox-newer = { $path }: ditulis oleh deskcoll yang lebih baru (skema { $found }; yang ini mengenal sampai { $known }): perbarui deskcoll
doctor-outbox-problems = { $n } masalah
doctor-outbox-broken = { $path }: pemeriksaan integritas gagal ({ $problems }, yang pertama: { $first }); simpan salinan berkas ini sebelum melakukan apa pun
doctor-outbox-sound = { $path }: baik, skema { $version }
doctor-outbox-migrates = (dinaikkan ke { $version } saat mulai berikutnya)
doctor-outbox-counts = { $queued } dalam antrean, { $uncertain } belum pasti, { $rejected } ditolak, { $delivered } terkirim
doctor-outbox-waiting = ada hasil yang menunggu dikirim (deskcoll outbox flush)
doctor-outbox-uncertain = hasil yang belum pasti perlu diputuskan (deskcoll outbox resolve)
doctor-outbox-rejected = hasil yang ditolak perlu diperiksa (deskcoll outbox list)
doctor-outbox-open = pengguna lain dapat membacanya: jalankan chmod 600 pada berkas itu
doctor-holidays-shipped = daftar bawaan
doctor-holidays-unreadable = tidak dapat membaca { $path }: { $reason }
doctor-holidays-none = { $from } tidak memuat hari libur tahun { $year }: panggilan bisa jatuh pada hari libur nasional (calling.holidays_file)
doctor-holidays-days = { $national } hari libur nasional dan { $cuti } hari cuti bersama
doctor-holidays-estimated = { $year } dalam { $from }: { $days }, { $estimated } di antaranya masih perkiraan, belum ditetapkan SKB; ganti setelah SKB terbit (calling.holidays_file)
doctor-holidays-ok = { $year } dalam { $from }: { $days }
doctor-holidays-decreed = { $year } dalam { $from }: { $days }, sesuai SKB
doctor-term-no-color = NO_COLOR diatur: tanpa warna
doctor-term-unset = TERM tidak diatur
doctor-term-dumb = TERM=dumb: tanpa warna
doctor-term-truecolor = TERM={ $term }, warna 24-bit
doctor-term-256 = TERM={ $term }, 256 warna
doctor-term-16 = TERM={ $term }, 16 warna
doctor-term-no-tty = tidak ada terminal (input dan output dialihkan): layar kerja butuh terminal; { $colours }
doctor-term-size-unknown = ukuran tidak diketahui ({ $reason }); { $colours }
doctor-term-too-small = { $size }: terlalu kecil, layar kerja butuh 60x15 (80x24 atau lebih); { $colours }
doctor-term-small = { $size }: kecil, layar kerja dibuat untuk 80x24 atau lebih; { $colours }

## deskcoll man: bagian halaman yang ditulis sendiri (judulnya tetap bahasa Inggris, seperti
## buatan clap). roff apa adanya: \fB tebal, \fI miring, \fR kembali biasa, \- tanda hubung.

man-exit-status = 0 selesai (hasil tersimpan: kode 00); 2 masukan tidak valid, tidak ada yang dikirim; 3 server menolak (kode 90 atau 91, HTTP 401 atau 403); 4 terkirim tetapi belum dikonfirmasi (tidak ada jawaban, batas waktu keseluruhan lewat, atau pengalihan menjawab hasil: hasil mungkin tersimpan, mungkin tidak); 1 selain itu. \fBdeskcoll doctor\fR: 0 bila tidak ada pemeriksaan yang gagal, selain itu 1.
man-files-system = Pengaturan tingkat sistem untuk semua pengguna, dibaca lebih dulu (\fBDESKCOLL_SYSTEM_CONFIG\fR menunjuk berkas lain). Rahasia di dalamnya ditolak kecuali mode berkasnya 0600, atau 0640 dengan grup yang hanya berisi pengguna deskcoll.
man-files-user = Pengaturan pengguna, menimpa pengaturan sistem (\fB\-\-config\fR atau \fBDESKCOLL_CONFIG\fR menunjuk berkas lain); lalu variabel lingkungan, lalu opsi. \fBdeskcoll config show\fR menunjukkan asal setiap nilai.
man-files-outbox = Setiap hasil yang dicatat dan status pengirimannya (\fBstore.outbox\fR atau \fBDESKCOLL_OUTBOX\fR memindahkannya); \fIoutbox\-demo.sqlite3\fR dalam mode demo. Berkas log \fIdeskcoll.log\fR ada di folder yang sama.
man-files-template = Templat dengan komentar (juga ditulis oleh \fBdeskcoll config init\fR).
man-environment-serve = (untuk \fBdeskcoll serve\fR)
man-environment-secrets = Rahasia tempatnya di berkas atau variabel lingkungan: opsi baris perintah terlihat di \fBps\fR.

## deskcoll config show: labelnya dan asal setiap nilai (kunci dan nilai tidak pernah berubah)

config-show-system-file = berkas sistem
config-show-user-file = berkas pengguna
config-show-mode = mode
config-source-default = bawaan
config-source-system = sistem
config-source-user = pengguna
config-source-env = lingkungan
config-source-flag = opsi
picker-not-dialable = "{ $text }": bukan nomor telepon, tidak dipanggil

audit-verified = { $n } tanda terima diperiksa: rantainya utuh
audit-broken = tanda terima hasil { $id } (catatan ke-{ $n } dalam rantai): { $why }
audit-broken-edited = tidak cocok dengan hash-nya (diubah)
audit-broken-unreadable = tidak terbaca sebagai tanda terima
audit-broken-unlinked = tidak menyebut tanda terima sebelumnya (ada yang dihapus, ditambah atau diubah urutannya)
audit-unreadable = tanda terima hasil { $id } tidak terbaca (jalankan deskcoll audit --verify)

## Re-sending a result that may already be stored (one rule for every path)
may-be-stored-uncertain = tidak mendapat jawaban: mungkin sudah ada di server
may-be-stored-90 = ditolak dengan 90, yang menjawab kesalahan basis data apa pun setelah barisnya disisipkan: mungkin sudah ada di server
outbox-cli-needs-yes = hasil { $id } { $why }; { $flag } perlu --yes
outbox-cli-going-ahead = hasil { $id } { $why }; { $flag } sesuai permintaan (--yes)
outbox-discard-stored-question = Batalkan #{ $id } untuk { $account }? Hasil ini { $why }: membatalkan di sini tidak menghapusnya dari server. Tetap tercantum. y / n
form-leave-correction-question = Tinggalkan formulir? Hasil #{ $id } tetap di Kotak Keluar (tab 3) sebagai ditolak: perbaiki di sana dengan e, atau batalkan dengan x. y / n
form-left-correction = hasil #{ $id } tetap di Kotak Keluar (tab 3) sebagai ditolak: e memperbaikinya, x membatalkannya
form-resend-question = Kirim perbaikan #{ $id }? Hasil ini { $why }: server akan menyimpannya dua kali. y / n
form-after-refusal-keys = { $send } mengirim perbaikan pengganti #{ $id } · { $leave } meninggalkannya di Kotak Keluar (tab 3) sebagai ditolak
form-after-refusal-keys-stored = { $send } mengirim perbaikan pengganti #{ $id } (bertanya dulu: mungkin sudah tersimpan) · { $leave } meninggalkannya di Kotak Keluar (tab 3) sebagai ditolak
form-amount-over-due = lebih dari total tagihan ({ $due })
form-amount-needed-hint = wajib: total tagihan tidak diketahui (1.500.000 atau 1500000)
outbox-cli-or-90 = { $some }, atau { $rejected } dengan 90
today-of-total-due = total tagihan { $due }
customer-as-of = Per { $day }: hari terlambat, denda, total tagihan dan bucket dari daftar hari itu
customer-not-in-list = tidak ada di daftar hari ini: tetap untuk telepon ulangnya
queue-as-of = per { $day }
queue-not-in-list = tidak ada di daftar hari ini
header-callback-late = Telepon ulang { $time }: { $name }, lewat { $late }
header-callbacks-due = { $n } telepon ulang sudah waktunya
## deskcoll termin: seluruh data (issue 29)
termin-col-entry-wib = MASUK (WIB)
termin-col-shipping = ONGKIR
termin-col-days-in-status = HARI DLM STATUS
termin-cli-reading = membaca halaman termin { $page } dari { $of } ({ $n } transaksi)
termin-cli-read = terbaca { $pages } dari { $of } halaman, { $n } transaksi
termin-cli-unknown-status = tidak ada transaksi berstatus { $names }; status yang ada: { $seen }
termin-cli-no-po = tidak ada transaksi dengan nomor PO { $po }
termin-cli-open-only = hanya yang belum selesai (bukan Selesai atau Dibatalkan)
termin-cli-changed-n = berubah ({ $n }):
termin-cli-bill-changed = tagihan { $from } -> { $to }
termin-status-open = belum selesai
termin-totals-shown = DITAMPILKAN
termin-totals-shown-title = Total · yang ditampilkan ({ $what }) di samping semua { $n } · t menyembunyikan
termin-totals-what-all = semua transaksi
termin-changes-title = Termin · sejak { $since } · { $new } baru · { $changed } berubah · { $gone } hilang · c menutup
termin-changes-first = Termin · belum pernah dilihat: semua transaksi baru · c menutup
termin-change-new = baru
termin-change-changed = berubah
termin-change-gone = hilang
termin-col-change = PERUBAHAN
termin-col-was = SEBELUMNYA
termin-col-now = SEKARANG
termin-band-open = { $status } · { $band } hari dalam status
termin-snapshot-failed = perubahan tidak diketahui: { $error }
help-termin-status_pick = ketik status yang ditampilkan: beberapa, dipisah koma, atau "open"
prompt-statuses = status, dipisah koma ("open": semua kecuali Selesai dan Dibatalkan; kosong: semua)
## Issue 26: tanda terima yang dapat dipercaya auditor (persetujuan di luar jam, jangkar, verifikasi)

refusal-consent-required = panggilan di luar jam hubung nasabah ({ $note }): isi alasan persetujuan konsumen
cli-calling-locked = konfigurasi sistem mengunci aturan panggilan (calling.lock): { $keys } dari berkas pengguna diabaikan
audit-no-outbox = tidak ada outbox di { $path }: tidak ada yang diverifikasi (periksa store.outbox atau DESKCOLL_OUTBOX)
audit-from-after-to = --from { $from } setelah --to { $to }
audit-broken-gap = seq-nya bukan { $expected } (ada tanda terima yang dihapus atau disisipkan)
audit-no-receipt = hasil { $id } tidak punya tanda terima (dicatat sejak tanda terima dimulai; tanda terimanya dihapus)
audit-no-result = tanda terima hasil { $id } (catatan ke-{ $n } dalam rantai): hasilnya tidak ada di outbox (dihapus)
audit-twice = tanda terima hasil { $id } (catatan ke-{ $n } dalam rantai): tanda terima kedua untuk hasil yang sama tanpa koreksi
audit-differs = tanda terima hasil { $id } (catatan ke-{ $n } dalam rantai): { $field } hasil tidak sesuai tanda terimanya (hasil diubah)
audit-server-verified = { $n } tanda terima diperiksa terhadap { $rows } baris ekspor server: setiap tag tercatat
audit-server-missing = tanda terima { $seq } ({ $tag }) sudah terkirim tetapi tidak ada di ekspor server
audit-server-unknown = server punya hasil untuk { $account } dengan tag { $tag } yang tidak dicatat tanda terima mana pun di sini (tanda terima dihapus atau disegel ulang)
audit-server-unreadable = tidak dapat membaca ekspor server { $path }: { $error }
form-consent-needs-reason = tidak dicatat: di luar jam hubung nasabah perlu persetujuan konsumen beserta alasannya
audit-broken-mistagged = tag-nya bukan yang dibentuk oleh seq dan prev_sha256-nya (disegel ulang)
## Issue 27 (hardening): deadlines, caps, waits, permissions, what was not a task

api-deadline = { $what } dari { $host } dihentikan setelah { $secs } detik: batas waktu keseluruhannya (http.deadline_secs)
api-kind-task-list = daftar tugas
api-kind-termin-page = halaman termin
api-kind-result = hasil
api-kind-login = login termin
api-kind-health = cek kesehatan
api-total-too-large = halaman termin melebihi { $mb } MB seluruhnya pada halaman { $pages }: dihentikan (naikkan http.max_total_mb di konfigurasi)
api-busy-wait = server sibuk dan meminta menunggu { $asked } detik: menunggu { $waited } detik (http.max_retry_after_secs)
tasks-not-tasks = { $n } entri daftar tugas bukan tugas (bukan objek dengan nomor kontrak): dilewati
cli-config-writable = { $path } bermode { $mode }: pengguna lain dapat menulisnya (tetap dibaca: --insecure-config); jalankan chmod go-w padanya
doctor-config-writable = { $path } bermode { $mode }: pengguna lain dapat menulisnya (mereka dapat mengubah calling.dial_command atau base_url); jalankan chmod go-w padanya
serve-public-refused = --addr { $addr } dapat dijangkau mesin lain, dan server demo akan memakai kredensial publik dokumen seed (atau tanpa kredensial): atur --password, --hash-key dan --access-secret (atau variabel DESKCOLL_TWIN_*, atau [twin] di konfigurasi), atau beri --public untuk tetap melayaninya
cli-output-failed = tidak dapat menulis --output { $path }: { $error }

## Issue 28 (outputs): the exit-code table, doctor's key probe, spreadsheets
exit-code-0 = selesai
exit-code-1 = kesalahan lain
exit-code-2 = masukan tidak valid: tidak ada yang dikirim
exit-code-3 = server menolak (kode 90 atau 91, HTTP 401 atau 403)
exit-code-4 = terkirim tetapi belum dikonfirmasi: mungkin tersimpan (batas waktu, koneksi terputus, HTTP 5xx, pengalihan setelah POST)
exit-code-5 = tidak terkirim: server tidak dapat dijangkau (koneksi ditolak, DNS); hasil menunggu di outbox
man-exit-doctor = \fBdeskcoll doctor\fR keluar dengan 1 bila ada pemeriksaan yang gagal; \fBdeskcoll audit \-\-verify\fR keluar dengan 1 dan menyebut tanda terima pertama yang salah.

## Kata dan layar (issue 30)

form-more-below = lainnya ↓ ({ $n })
form-rules-title = { $field }: isinya
form-rules-action = kode dari daftar aksi: ketik kodenya atau katanya dalam bahasa mana pun (kata kode hasilnya juga menemukannya); ↑ ↓ memilih, Enter atau Tab mengambilnya
form-rules-result = kode hasil dari aksi yang dipilih: kode atau kata dalam bahasa mana pun; sebagian hasil sudah menentukan siapa yang menjawab
form-rules-party = siapa yang menjawab, dengan kata bahasa mana pun; janji bayar (PTP) dan hasil kontak debitur hanya dengan debitur atau penjamin (POJK 22/2023 pasal 62)
form-rules-promise = tanggal janji: YYYY-MM-DD atau +N hari, tidak sebelum tanggal telepon dan tidak melewati batas janji
form-rules-amount = nominal janji dalam rupiah (5000000, 5.000.000 atau Rp 5.000.000), lebih dari 0; kosong: total tagihan
form-rules-period = angsuran ke- yang dimaksud hasil ini, 1 sampai tenor kontrak
form-rules-callback = 14.00 hari ini atau YYYY-MM-DD 14.00 di zona konsumen, +2j untuk jam, +2h untuk hari; di dalam jam kontak konsumen
form-rules-remark = teks bebas sampai 255 karakter (tag tanda terima ikut dihitung), tanpa baris baru atau tab
queue-due-in-short = H-{ $n }
queue-col-osar = SISA PIUTANG
queue-col-local-short = JAM KONTAK
queue-closes-short = tutup { $minutes }m
queue-opens-short = buka { $at }
queue-sort-forward = { $sort } ↓
queue-sort-reversed = { $sort } ↑ terbalik
store-stopped-while-sending = program berhenti saat mengirim: hasil mungkin sudah sampai di server
os-connection-refused = sambungan ditolak (kode sistem { $code })
os-connection-reset = sambungan diputus pihak lain (kode sistem { $code })
queue-load-failed-kept = daftar hari ini tidak terbaca ({ $error }): daftar yang disimpan di meja ini (dibaca { $at }) tampil dan dapat dikerjakan; r membaca lagi
outbox-promised-amount = nominal janji { $amount }
outbox-callback = telepon ulang { $time }
customer-not-given = — tidak diberikan server
today-more = +{ $n } lagi
api-no-collection-server = belum ada server desk collection di konfigurasi (isi base_url atau DESKCOLL_BASE_URL)
api-no-termin-server = belum ada server termin di konfigurasi (isi termin.url atau DESKCOLL_TERMIN_URL)
termin-scope-failed = tidak terbaca (r membaca lagi)
list-offline-short = luring { $from }
list-from-short = daftar { $from }

doctor-key-no-collection = tidak ada server koleksi: tidak ada hasil yang ditandatangani
doctor-key-skipped = tidak diuji (--no-key-probe): hash key yang salah baru terlihat saat hasil pertama ditolak dengan kode 91
doctor-key-accepted = key diterima: probe yang ditandatangani dengannya lolos pemeriksaan tanda tangan server dan, karena tanggalnya tidak terbaca, tidak disimpan (HTTP 500)
doctor-key-refused = server menolak tanda tangan probe (kode 91, Invalid Token): hash key salah dan setiap hasil akan ditolak (collection.hash_key, DESKCOLL_HASH_KEY)
doctor-key-forbidden = server menolak probe (HTTP { $status }) tanpa kode 91: key tidak dapat diperiksa
doctor-key-stored = server MENYIMPAN probe (kode 00): entri untuk akun { $account } harus dihapus, beri tahu administrator server
doctor-key-unclear = jawaban probe (HTTP { $status }, kode { $code }) tidak menunjukkan apakah key benar
doctor-key-no-answer = { $url }: tidak ada jawaban untuk probe key ({ $reason })
cli-xlsx-needs-output = --format xlsx menulis berkas: berikan --output FILE (workbook bukan teks untuk terminal atau pipe)
serve-state-kept = hasil yang tersimpan dan jamnya disimpan di { $path }

## Issue 32 (lantai): buku besar tim di PostgreSQL

team-error = { $error }
team-not-set = team.database_url belum diatur (DESKCOLL_TEAM_DATABASE_URL): tidak ada buku besar tim
team-init-migrated = buku besar tim kini pada skema { $to } (sebelumnya { $from }); peran deskcoll_agent dan deskcoll_supervisor siap
team-init-current = buku besar tim sudah pada skema { $version }: tidak ada yang berubah
team-pushed = terkirim ke buku besar tim: { $results } versi hasil, { $receipts } tanda terima, { $reads } bacaan daftar; tidak ada yang menunggu
team-left = { $n } masih menunggu buku besar tim (dikirim begitu ia menjawab)
floor-heading = Lantai, { $date }: { $agents } agen
floor-total = Total
floor-col-agent = Agen
floor-col-calls = Panggilan
floor-col-rpc = RPC
floor-col-rpc-rate = Rasio RPC
floor-col-ptp = PTP
floor-col-ptp-rate = Rasio PTP
floor-col-promised = Dijanjikan
floor-col-kept-rate = Ditepati
floor-col-callbacks-due = CB jatuh tempo
floor-col-callbacks-missed = CB terlewat
floor-col-outside = Di luar jam (izin)
floor-col-waiting = Menunggu
floor-col-uncertain = Tak pasti
floor-col-last = Terakhir
floor-xlsx-terminal = buku kerja bukan untuk terminal: tulis dengan --output BERKAS (atau alihkan stdout)
ledger-waiting = buku besar: { $n } menunggu
ledger-ok = buku besar: mutakhir
ledger-down = buku besar: { $n } menunggu (tak terjangkau)
audit-team-verified = rantai utuh dan cocok dengan buku besar tim: { $n } tanda terima di sini, { $held } di buku besar
audit-team-missing = tanda terima { $seq } ada di buku besar tim tetapi tidak di meja ini (ekor dihapus?)
audit-team-differs = tanda terima { $seq } berbeda dari salinan buku besar tim (sha256 { $here } di sini, { $ledger } di buku besar): diubah atau disegel ulang
audit-team-behind = { $n } tanda terima di sini belum ada di buku besar tim (deskcoll team push)
doctor-ledger-ok = buku besar tim: skema { $version }, { $role }; { $waiting } menunggu di sini, buku besar memegang sampai tanda terima { $held } dari { $last }
doctor-ledger-failed = buku besar tim: { $error }
doctor-ledger-rights = buku besar tim: peran ini boleh { $what } tanda terima: buku besar tidak tahan rusak (jalankan deskcoll team init sebagai pemilik; beri agen hanya deskcoll_agent)
doctor-ledger-role-agent = peran agen
doctor-ledger-role-supervisor = peran supervisor
doctor-ledger-role-other = peran yang bukan deskcoll_agent maupun deskcoll_supervisor
tab-floor = Lantai
floor-none = Belum ada agen yang mengirim ke buku besar tim.
floor-sorted = diurutkan menurut { $by } (s: berikutnya)
