/**
 * Arabic given names (ism) with their Latin transliterations. Each row is `arabic|academic|english|french|more…`:
 * column 1 is the Arabic script, column 2 a scholarly romanisation (IJMES without diacritics), column 3 the
 * usual English-language spelling (Iraqi, Levantine and Gulf documents), column 4 the French-language spelling
 * (Maghreb, France, Belgium), and any further columns other spellings met in practice.
 */

/** Male given names; about a hundred. */
export const MALE_ISMS = `
محمد|Muhammad|Mohammed|Mohamed|Mohamad|Mohammad
أحمد|Ahmad|Ahmed|Ahmed|Ahmat
محمود|Mahmud|Mahmoud|Mahmoud|Mahmood
مصطفى|Mustafa|Mustafa|Moustafa|Mostafa
علي|Ali|Ali|Ali|Aly
حسن|Hasan|Hassan|Hassen
حسين|Husayn|Hussein|Houcine|Husain|Hussain|Hossein
عمر|Umar|Omar|Omar|Omer
عثمان|Uthman|Othman|Othmane|Osman
أبو بكر|Abu Bakr|Abu Bakr|Aboubakr|Abubakar|Aboubakar
خالد|Khalid|Khaled|Khaled
يوسف|Yusuf|Yousef|Youssef|Yousif|Yusef
إبراهيم|Ibrahim|Ibrahim|Brahim|Ebrahim
إسماعيل|Ismail|Ismail|Smail|Ismael|Esmail
إسحاق|Ishaq|Ishaq|Ishak|Is'haq
يعقوب|Yaqub|Yacoub|Yacoub|Yakub|Yaqoub
موسى|Musa|Mousa|Moussa|Moosa
عيسى|Isa|Issa|Aissa|Eisa
يحيى|Yahya|Yahya|Yahia|Yehia
زكريا|Zakariya|Zakaria|Zakaria|Zakariyya
سليمان|Sulayman|Suleiman|Slimane|Soliman|Sulaiman
داود|Dawud|Dawood|Daoud|Daud
نوح|Nuh|Nooh|Nouh
إدريس|Idris|Idrees|Driss|Idriss
إلياس|Ilyas|Elias|Ilyes|Ilias
هارون|Harun|Haroun|Haroun|Haroon
صالح|Salih|Saleh|Saleh|Salih
عبد الله|Abd Allah|Abdullah|Abdallah|Abdulla|Abdellah
عبد الرحمن|Abd al-Rahman|Abdul Rahman|Abderrahmane|Abdel Rahman|Abdulrahman|Abdurrahman
عبد العزيز|Abd al-Aziz|Abdul Aziz|Abdelaziz|Abdel Aziz|Abdulaziz
عبد الكريم|Abd al-Karim|Abdul Karim|Abdelkrim|Abdel Karim|Abdulkarim
عبد القادر|Abd al-Qadir|Abdul Qadir|Abdelkader|Abdel Kader|Abdulkadir
عبد اللطيف|Abd al-Latif|Abdul Latif|Abdellatif|Abdel Latif
عبد المجيد|Abd al-Majid|Abdul Majeed|Abdelmajid|Abdel Magid
عبد الحميد|Abd al-Hamid|Abdul Hameed|Abdelhamid|Abdel Hamid
عبد الرزاق|Abd al-Razzaq|Abdul Razzaq|Abderrazak|Abdel Razek
عبد الوهاب|Abd al-Wahhab|Abdul Wahab|Abdelouahab|Abdel Wahab
عبد السلام|Abd al-Salam|Abdul Salam|Abdessalem|Abdel Salam|Abdusalam
عبد الحكيم|Abd al-Hakim|Abdul Hakim|Abdelhakim|Abdel Hakim
عبد الناصر|Abd al-Nasir|Abdul Nasser|Abdennacer|Abdel Nasser
عبد الجبار|Abd al-Jabbar|Abdul Jabbar|Abdeljabbar|Abdel Gabbar
عبد الغني|Abd al-Ghani|Abdul Ghani|Abdelghani|Abdel Ghani
عبد الملك|Abd al-Malik|Abdul Malik|Abdelmalek|Abdel Malek
عبد الحليم|Abd al-Halim|Abdul Haleem|Abdelhalim|Abdel Halim
حمزة|Hamza|Hamza|Hamza|Hamzah
بلال|Bilal|Bilal|Bilel|Belal
طلحة|Talha|Talha|Talha|Talhah
زبير|Zubayr|Zubair|Zoubir|Zubeir
معاذ|Muadh|Moaz|Mouadh|Muath|Moath
أنس|Anas|Anas|Anes|Annas
أسامة|Usama|Osama|Oussama|Usamah
عمار|Ammar|Ammar|Ammar|Amar
ياسر|Yasir|Yasser|Yassir|Yaser
جمال|Jamal|Jamal|Djamel|Gamal
جميل|Jamil|Jameel|Djamil|Gamil
كمال|Kamal|Kamal|Kamel|Kemal
كريم|Karim|Kareem|Karim|Kerim
ناصر|Nasir|Nasser|Nacer|Naser
منصور|Mansur|Mansour|Mansour|Mansoor
سامي|Sami|Sami|Sami|Samy
سعيد|Said|Saeed|Said|Sayeed
سعد|Saad|Saad|Saad|Sa'd
فيصل|Faysal|Faisal|Faycal|Feisal
فهد|Fahd|Fahad|Fahd|Fahed
فارس|Faris|Fares|Fares
فاضل|Fadil|Fadhil|Fadel|Fazil
طارق|Tariq|Tariq|Tarek|Tarik|Tareq
زياد|Ziyad|Ziad|Ziad|Zyad
وليد|Walid|Waleed|Walid|Oualid
خليل|Khalil|Khalil|Khelil|Khaleel
عدنان|Adnan|Adnan|Adnane
هشام|Hisham|Hisham|Hichem|Hesham
هيثم|Haytham|Haitham|Haythem|Heitham
حامد|Hamid|Hamed|Hamed
رشيد|Rashid|Rasheed|Rachid
ماجد|Majid|Majed|Majed|Maged
سليم|Salim|Saleem|Slim|Selim
سفيان|Sufyan|Sufian|Soufiane|Sofian
أيوب|Ayyub|Ayoub|Ayoub|Ayub
يونس|Yunus|Younis|Younes|Younus
جاسم|Jasim|Jassim|Jassem|Jasem
قاسم|Qasim|Qassim|Kacem|Kassem|Qassem
عباس|Abbas|Abbas|Abbes
سلطان|Sultan|Sultan|Soltane
مروان|Marwan|Marwan|Marouane
عماد|Imad|Imad|Imed|Emad
رياض|Riyad|Riyadh|Riadh|Riad
شاكر|Shakir|Shaker|Chaker
نبيل|Nabil|Nabeel|Nabil
ماهر|Mahir|Maher|Maher
وائل|Wail|Wael|Wael|Wa'il
رائد|Raid|Raed|Raed|Ra'id
غسان|Ghassan|Ghassan|Ghassen
فراس|Firas|Firas|Firas|Feras
لؤي|Luay|Luay|Louai|Loay
مهند|Muhannad|Mohannad|Mouhannad|Mohanad
منذر|Mundhir|Munther|Mondher|Monzer
عبيدة|Ubayda|Obaida|Oubaida|Obeida
حذيفة|Hudhayfa|Huthaifa|Houdhaifa|Hozaifa
صهيب|Suhayb|Suhaib|Souhaib|Sohaib
حسام|Husam|Hussam|Houssem|Hosam
أيمن|Ayman|Ayman|Aymen|Aiman
جابر|Jabir|Jaber|Jaber|Gaber
زيد|Zayd|Zaid|Zied|Zeid
مازن|Mazin|Mazen|Mazen
أنور|Anwar|Anwar|Anouar|Anwer
رضوان|Ridwan|Radwan|Redouane|Rodwan
توفيق|Tawfiq|Tawfeeq|Taoufik|Tawfik
صدام|Saddam|Saddam|Saddam
عواد|Awwad|Awad|Aouad
`;

/** Female given names; about sixty. */
export const FEMALE_ISMS = `
فاطمة|Fatima|Fatima|Fatma|Fatimah|Fatema
عائشة|Aisha|Aisha|Aicha|Ayesha|Aysha
خديجة|Khadija|Khadija|Khadidja|Khadeeja
مريم|Maryam|Mariam|Meriem|Miriam
زينب|Zaynab|Zainab|Zineb|Zeinab
أسماء|Asma|Asma|Asmaa|Esma
حفصة|Hafsa|Hafsa|Hafsa|Hafsah
رقية|Ruqayya|Ruqaya|Roukaya|Rokaya
سمية|Sumayya|Sumaya|Soumaya|Somaya
صفية|Safiyya|Safia|Safia|Safiya
آمنة|Amina|Amina|Amina|Aminah|Ameena
حليمة|Halima|Halima|Halima|Haleema
نور|Nur|Noor|Nour
هدى|Huda|Huda|Houda|Hoda
إيمان|Iman|Eman|Imane
ليلى|Layla|Laila|Leila|Leyla
سلمى|Salma|Salma|Salma|Selma
سارة|Sara|Sarah|Sarah
هاجر|Hajar|Hajar|Hajer|Hagar
رحمة|Rahma|Rahma|Rahma|Rahmah
سميرة|Samira|Sameera|Samira
نادية|Nadiya|Nadia|Nadia
رانيا|Raniya|Rania|Rania
دعاء|Dua|Doaa|Douaa|Duaa
آلاء|Ala|Alaa|Alaa
ولاء|Wala|Walaa|Ouala
شيماء|Shayma|Shaima|Chaima|Shaimaa
حنان|Hanan|Hanan|Hanane
هبة|Hiba|Heba|Hiba
ريم|Rim|Reem|Rim
جميلة|Jamila|Jameela|Djamila|Gamila
لطيفة|Latifa|Latifa|Latifa|Lateefa
نعيمة|Naima|Naeema|Naima
كريمة|Karima|Kareema|Karima
زهراء|Zahra|Zahraa|Zahra
ملاك|Malak|Malak|Malak
بشرى|Bushra|Bushra|Bouchra
لبنى|Lubna|Lubna|Loubna
سناء|Sana|Sanaa|Sanaa
وفاء|Wafa|Wafaa|Ouafa
نجلاء|Najla|Najlaa|Nejla
سعاد|Suad|Suad|Souad
سماح|Samah|Samah|Samah
غادة|Ghada|Ghada|Ghada
نوال|Nawal|Nawal|Naoual
خولة|Khawla|Khawla|Khaoula|Khola
أميمة|Umayma|Omaima|Oumaima
آسية|Asiya|Asia|Assia
يسرى|Yusra|Yusra|Yousra|Yosra
نسيبة|Nusayba|Nusaiba|Nessiba
ابتسام|Ibtisam|Ibtisam|Ibtissem
أمل|Amal|Amal|Amel
حميدة|Hamida|Hameeda|Hamida
رغد|Raghad|Raghad|Raghd
شهد|Shahad|Shahad|Chahd
بتول|Batul|Batool|Batoul
إسراء|Isra|Esraa|Israa
رؤى|Rua|Ruaa|Roua
`;

/** Extra names used only after "Abu" in a kunya (the man's eldest son, or a companion of the Prophet). */
export const KUNYA_ONLY = `
بكر|Bakr|Bakr|Bakr|Baker
مصعب|Musab|Musab|Mosaab|Mus'ab
حفص|Hafs|Hafs|Hafs|Hafes
دجانة|Dujana|Dujana|Doujana|Dujanah
قتادة|Qatada|Qatada|Katada|Qutada
البراء|al-Bara|al-Baraa|el-Baraa|Albaraa
وقاص|Waqqas|Waqas|Ouakkas
جندل|Jandal|Jandal|Jendel
الوليد|al-Walid|al-Waleed|el-Walid|Alwaleed
الحارث|al-Harith|al-Harith|el-Harith|Alharith
`;
