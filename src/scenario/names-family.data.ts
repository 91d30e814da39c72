/**
 * Arabic family, tribal and city names, and nisbas of origin. Rows are `arabic|academic|english|french|more…`;
 * entries are separated by `;` or new lines. A name whose Arabic starts with the article ال takes a Latin
 * article (al-, Al-, el-, El …) when rendered; the Latin columns here hold the name without it.
 */

/** Family names by naming region. */
export const FAMILY_NAMES = {
  iraq: `
الجبوري|Juburi|Jubouri|Jbouri|Jabouri; الدليمي|Dulaymi|Dulaimi|Doulaimi|Duleimi; العبيدي|Ubaydi|Obaidi|Oubaidi|Obeidi
الشمري|Shammari|Shammari|Chammari|Shamari; الجنابي|Janabi|Janabi|Jannabi; العزاوي|Azzawi|Azzawi|Azaoui
المشهداني|Mashhadani|Mashhadani|Machhadani; الجميلي|Jumayli|Jumaili|Joumaili|Jumeili; العيساوي|Isawi|Issawi|Issaoui|Esawi
الراوي|Rawi|Rawi|Raoui; العاني|Ani|Ani|Aani; الحديثي|Hadithi|Hadithi|Haditi; الكربولي|Karbuli|Karbouli|Karbouli
الفهداوي|Fahdawi|Fahdawi|Fahdaoui; النعيمي|Nuaymi|Nuaimi|Naimi|Noaimi; اللهيبي|Luhaybi|Luhaibi|Louhaibi
السامرائي|Samarrai|Samarrai|Samarrai|Samurai; الزبيدي|Zubaydi|Zubaidi|Zoubaidi|Zubeidi; البياتي|Bayati|Bayati|Bayati|Beyati
التكريتي|Tikriti|Tikriti|Tikriti; الموصلي|Mawsili|Mosuli|Mossouli|Mousli; العفري|Afari|Afari|Afri; الحمداني|Hamdani|Hamdani|Hamdani
الطائي|Tai|Taie|Tai|Ta'i`,
  syria: `
الأحمد|Ahmad|Ahmad|Ahmed; الحسن|Hasan|Hassan|Hassan|Hasan; الخلف|Khalaf|Khalaf|Khalef; الحسين|Husayn|Hussein|Houcine|Husain
العلي|Ali|Ali|Ali; المحمد|Muhammad|Mohammad|Mohamed|Mohammed; الجاسم|Jasim|Jassem|Jassem|Jasim
العكيدي|Ukaydi|Akidi|Akidi|Ogaidi; الشعيطات|Shuaytat|Sheitat|Chaitat|Shaitat; البكارة|Bakkara|Baggara|Bakkara
الحمد|Hamad|Hamad|Hamad; الصالح|Salih|Saleh|Saleh; الخليل|Khalil|Khalil|Khalil; المرعي|Marai|Mari|Marai|Mar'i
الفرج|Faraj|Faraj|Farej; الحمادي|Hammadi|Hamadi|Hammadi; العنزي|Anazi|Anezi|Anzi|Enezi; الدندل|Dandal|Dandal|Dandel
الحلبي|Halabi|Halabi|Halabi; الإدلبي|Idlibi|Idlibi|Idlibi; الرقاوي|Raqqawi|Raqqawi|Rakkaoui; الديري|Dayri|Deiri|Deiri|Dairi
البوشعبان|Bu Shaban|Bu Shaaban|Bou Chaabane; الحسكاوي|Hasakawi|Hasakawi|Hassakaoui`,
  gulf: `
العتيبي|Utaybi|Otaibi|Otaibi|Oteibi; القحطاني|Qahtani|Qahtani|Kahtani; الغامدي|Ghamidi|Ghamdi|Ghamdi
الشهري|Shihri|Shehri|Chehri; الزهراني|Zahrani|Zahrani|Zahrani; الحربي|Harbi|Harbi|Harbi; المطيري|Mutayri|Mutairi|Moutairi
الدوسري|Dawsari|Dosari|Doussari|Dossary; العسيري|Asiri|Asiri|Assiri; اليامي|Yami|Yami|Yami; العجمي|Ajami|Ajmi|Ajmi
المري|Murri|Marri|Merri; الكعبي|Kabi|Kaabi|Kaabi; الشمري|Shammari|Shammari|Chammari; الرشيدي|Rashidi|Rashidi|Rachidi`,
  levant: `
الخطيب|Khatib|Khatib|Khatib|Khateeb; النجار|Najjar|Najjar|Najjar|Naggar; الحداد|Haddad|Haddad|Haddad
المصري|Misri|Masri|Masri; الخلايلة|Khalayla|Khalayleh|Khalaila; الزعبي|Zubi|Zoubi|Zoubi|Zu'bi
العمري|Umari|Omari|Omari; الشامي|Shami|Shami|Chami; عبد العزيز|Abd al-Aziz|Abdel Aziz|Abdelaziz|Abdulaziz
محمود|Mahmud|Mahmoud|Mahmoud; السيد|Sayyid|Sayed|Sayed|Said; حسنين|Hasanayn|Hassanein|Hassanine
عثمان|Uthman|Osman|Othmane; شاهين|Shahin|Shaheen|Chahine; الكردي|Kurdi|Kurdi|Kurdi; الطحاوي|Tahawi|Tahawi|Tahaoui`,
  maghreb: `
بن علي|Bin Ali|Ben Ali|Ben Ali|Benali; الطرابلسي|Trabulsi|Trabelsi|Trabelsi; الجندوبي|Jundubi|Jendoubi|Jendoubi
الحمامي|Hammami|Hammami|Hammami; الماجري|Majiri|Mejri|Mejri; بلحاج|Bil-Hajj|Belhaj|Belhadj
البوعزيزي|Buazizi|Bouazizi|Bouazizi; العمراني|Umrani|Amrani|Amrani; العلوي|Alawi|Alaoui|Alaoui
الإدريسي|Idrisi|Idrissi|Idrissi; بوزيد|Bu Zayd|Bouzid|Bouzid; المنصوري|Mansuri|Mansouri|Mansouri
الزروقي|Zarruqi|Zerrouki|Zerrouki; بلقاسم|Bil-Qasim|Belkacem|Belkacem|Belgacem; السعيدي|Saidi|Saidi|Saidi
الشريف|Sharif|Cherif|Cherif; بن سالم|Bin Salim|Ben Salem|Ben Salem|Bensalem; الورفلي|Warfalli|Warfalli|Ouerfelli
الغرياني|Ghiryani|Gharyani|Ghariani; بن عمر|Bin Umar|Ben Omar|Ben Omar|Benomar; الزياني|Zayani|Zayani|Ziani`,
} as const;

/** Nisbas of a place of origin inside Iraq and Syria, used in noms de guerre of local men. */
export const LOCAL_NISBAS = {
  IRQ: `الموصلي|al-Mawsili|al-Mosuli|el-Mossouli; الأنباري|al-Anbari|al-Anbari|el-Anbari; البغدادي|al-Baghdadi|al-Baghdadi|el-Baghdadi
الفلوجي|al-Falluji|al-Fallujawi|el-Fallouji; العراقي|al-Iraqi|al-Iraqi|el-Iraki; التكريتي|al-Tikriti|al-Tikriti|el-Tikriti
الديالي|al-Diyali|al-Diyali|el-Diyali; الكركوكي|al-Karkuki|al-Kirkuki|el-Karkouki`,
  SYR: `الشامي|al-Shami|al-Shami|ech-Chami; الرقاوي|al-Raqqawi|al-Raqqawi|er-Rakkaoui; الديري|al-Dayri|al-Deiri|ed-Deiri
الحلبي|al-Halabi|al-Halabi|el-Halabi; الحمصي|al-Himsi|al-Homsi|el-Homsi; الإدلبي|al-Idlibi|al-Idlibi|el-Idlibi
الأنصاري|al-Ansari|al-Ansari|el-Ansari; السوري|al-Suri|al-Souri|es-Souri`,
} as const;

/** The nisba a foreign fighter is known by when no country-specific one is at hand: "the emigrant". */
export const MUHAJIR = 'المهاجر|al-Muhajir|al-Muhajir|el-Mouhajir';
