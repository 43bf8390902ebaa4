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
bucket-label-day_1 = HARI 1
bucket-label-od_2_6 = OD 2-6
bucket-label-message_follow_up = PESAN
bucket-label-pre_due = PRA-JT
bucket-describe-broken_promise = ingkar janji
bucket-describe-day_1 = hari pertama lewat jatuh tempo
bucket-describe-od_2_6 = terlambat 2-6 hari
bucket-describe-message_follow_up = tindak lanjut pesan
bucket-describe-pre_due = pengingat sebelum jatuh tempo
sort-priority = prioritas
sort-overdue = hari terlambat
sort-total = total tagihan
sort-osar = OSAR
sort-name = nama
state-queued = antre
state-sending = dikirim
state-delivered = terkirim
state-rejected = ditolak
state-uncertain = belum pasti
state-discarded = dibuang

## Jam boleh menelepon

window-until = sampai { $time }
window-holiday = libur ({ $name })
window-cuti-bersama = cuti bersama ({ $name })
window-too-early = terlalu pagi
window-too-late = terlalu malam
window-closed-opens = { $why }; buka { $at }
window-closed-no-day = { $why }; tidak ada hari buka sebulan ke depan

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
