/**
 * Civil names of non-Arab foreign nationals, with an Arabic-script rendering as a registrar in Syria would
 * write it. Rows are `arabic|latin|more latin spellings…`, separated by `;` or new lines. Surnames of regions
 * whose surnames take a feminine form (`-ov` → `-ova`) are given in the masculine; the renderer derives the
 * feminine. Regions without surnames (`surnames: ''`) use the father's given name instead, as Somalis and
 * Uyghurs do.
 */

/** The name tables of one non-Arab naming region. */
export interface ForeignNameTable {
  male: string;
  female: string;
  surnames: string;
}

/** Name tables by naming region. */
export const FOREIGN_NAMES: Readonly<Record<string, ForeignNameTable>> = {
  caucasus: {
    male: `ماغوميد|Magomed|Magamed|Mahomed; روسلان|Ruslan; إسلام|Islam; أحمد|Akhmed|Ahmed|Akhmad; شامل|Shamil|Chamil
زليمخان|Zelimkhan|Zelimkhon; إبراهيم|Ibragim|Ibrahim; عمر|Umar|Oumar; حسن|Khasan|Hasan; مراد|Murad|Murat
تيمور|Timur|Temur; أرسين|Arsen; رستم|Rustam|Rustem; آدم|Adam; أصلان|Aslan; أنزور|Anzor; جبرائيل|Dzhabrail|Jabrail
رمضان|Ramzan|Ramazan; موفسار|Movsar|Mowsar`,
    female: `مدينة|Madina|Medina; أمينات|Aminat|Aminata; زاريما|Zarema|Zaryema; حواء|Khava|Hava|Hawa; فاطمات|Patimat|Fatimat
ميلانا|Milana; زالينا|Zalina; إلينا|Elina|Ellina; ليانا|Liana|Lyana`,
    surnames: `ماغوميدوف|Magomedov|Magamedov; عبدولاييف|Abdulaev|Abdullaev|Abdulayev; حاجييف|Gadzhiev|Hajiyev|Gadjiev
عمروف|Umarov|Oumarov; علييف|Aliev|Aliyev; إسماعيلوف|Ismailov|Ismaylov; موسايف|Musaev|Musayev; حسانوف|Khasanov|Hasanov
أحمدوف|Akhmedov|Ahmedov; باتالوف|Batalov; داداييف|Dadaev|Dadayev; إلداروف|Eldarov; عيسايف|Isaev|Isayev
سعيدوف|Saidov|Saydov; تساروييف|Tsaroev|Tsaroyev`,
  },
  centralAsia: {
    male: `بختيار|Bakhtiyor|Bakhtiyar|Bakhtiar; جاسور|Jasur|Zhasur|Dzhasur; فرخ|Farrukh|Farukh; رستم|Rustam
شيرزود|Sherzod|Sherzot; دلشاد|Dilshod|Dilshad; أكمل|Akmal; بيكزود|Bekzod|Bekzot; ألوغ بيك|Ulugbek|Ulughbek|Ulugbeck
نورلان|Nurlan; يرلان|Yerlan|Erlan; عظمت|Azamat|Asamat; دانيار|Daniyar|Daniiar; باورجان|Bauyrzhan|Baurzhan|Bauirzhan
تيمور|Temur|Timur; أوتابيك|Otabek|Utabek; كامل|Komil|Kamil; شهرت|Shukhrat|Shuhrat|Shukrat; قانات|Kanat|Qanat`,
    female: `دلنوزة|Dilnoza|Dilnaza; غلنورة|Gulnora|Gulnara; نيغورة|Nigora|Nigara; آيغريم|Aigerim|Aygerim; زارينا|Zarina
مليكة|Malika|Malikah; شهنوزة|Shahnoza|Shakhnoza; نادرة|Nodira|Nadira; مدينة|Madina`,
    surnames: `كريموف|Karimov; رحيموف|Rakhimov|Rahimov; يوسوبوف|Yusupov|Yusupov|Iusupov; نزاروف|Nazarov
تورسونوف|Tursunov; صادقوف|Sadykov|Sodiqov|Sadikov; رحمونوف|Rakhmonov|Rahmonov; شريبوف|Sharipov|Sharifov
نورماتوف|Nurmatov; عبداللاييف|Abdullaev|Abdullayev; جمعبايف|Zhumabaev|Jumabayev|Dzhumabaev; قربانوف|Kurbanov|Qurbonov
ميرزوييف|Mirzoev|Mirzoyev; دولتوف|Davlatov; صفروف|Safarov; قاسموف|Kasymov|Qosimov|Kasimov`,
  },
  turkic: {
    male: `محمد|Mehmet|Mehmed; أحمد|Ahmet|Ahmed; مصطفى|Mustafa; أمره|Emre; بوراك|Burak; يوسف|Yusuf|Yousuf
إبراهيم|Ibrahim|Ibrahim; حسين|Huseyin|Husein; مراد|Murat|Murad; عثمان|Osman; عمر|Omer|Omar; الفين|Elvin
راميل|Ramil; طورال|Tural; أورخان|Orkhan|Orhan; كنعان|Kenan; فؤاد|Fuad|Fouad; خليل|Halil|Khalil; فرقان|Furkan`,
    female: `عائشة|Ayse|Aishe; فاطمة|Fatma; إليف|Elif; زينب|Zeynep; مروة|Merve; أمينة|Emine; آيسل|Aysel; غونل|Gunel; سفدا|Sevda`,
    surnames: `يلماز|Yilmaz|Yelmaz; قايا|Kaya; دمير|Demir; شاهين|Sahin|Shahin; جليك|Celik|Chelik; يلديز|Yildiz
آيدين|Aydin|Aydyn; أوزتورك|Ozturk; أرسلان|Arslan|Aslan; دوغان|Dogan; علييف|Aliyev|Aliev; محمدوف|Mammadov|Mamedov
حسينوف|Huseynov|Guseynov; قولييف|Guliyev|Kuliev; حسنوف|Hasanov|Gasanov`,
  },
  southAsia: {
    male: `عمران|Imran; آصف|Asif|Aasif; كاشف|Kashif; زاهد|Zahid; طاهر|Tahir|Taher; عرفان|Irfan; نويد|Naveed|Navid
شاهد|Shahid|Shahed; رحيم|Rahim|Raheem; أحمد شاه|Ahmad Shah|Ahmed Shah; عبد الولي|Abdul Wali|Abdulwali
حميد الله|Hamidullah|Hamid Ullah; محفوظ|Mahfuz|Mahfooz; راشد|Rashed|Rashid; عزيز|Aziz|Azeez; سجاد|Sajjad|Sajad`,
    female: `عائشة|Ayesha|Aisha; صائمة|Saima; روبينا|Rubina|Robina; شميمة|Shamima|Shameema; تسنيم|Tasnim|Tasneem
فرزانة|Farzana|Farzanah; نازيا|Nazia; سعدية|Sadia|Saadia`,
    surnames: `خان|Khan; أحمد|Ahmed|Ahmad; حسين|Hussain|Husain|Hossain; قريشي|Qureshi|Qureishi|Kureshi; ملك|Malik
شودري|Chaudhry|Choudhury|Chowdhury; رحمن|Rahman|Rehman; صديقي|Siddiqui|Siddiqi; أنصاري|Ansari; شينواري|Shinwari
أحمدزي|Ahmadzai|Ahmadzay; نورزي|Noorzai|Nurzai; إسلام|Islam; مانيك|Manik; رشيد|Rasheed|Rashid`,
  },
  southeastAsia: {
    male: `محمد رزقي|Muhammad Rizky|Mohammad Rizki|Muhamad Rizki; أغوس|Agus; بودي|Budi; أحمد فوزي|Ahmad Fauzi|Ahmad Fawzi
ديدي|Dedi|Dedy; هندرا|Hendra; أندي|Andi|Andy; ريزال|Rizal; شهرول|Syahrul|Sahrul; إمام|Imam; فكري|Fikri
حافظ|Hafiz|Hafidz; أمين|Amin|Amien; نور هداية|Nur Hidayat|Nurhidayat; وحيو|Wahyu|Wahyoe`,
    female: `سيتي|Siti; نور العين|Nur Aini|Nuraini; ديوي|Dewi; عائشة|Aisyah|Aisyah; ريني|Rini; فطري|Fitri|Fitriah
بوتري|Puteri|Putri; نور الحياة|Nurul Hayati|Nurul Hayat`,
    surnames: `سابوترا|Saputra|Syahputra; براتاما|Pratama; هداية|Hidayat|Hidayatullah; ويجايا|Wijaya|Widjaja
سيتياوان|Setiawan|Setyawan; نوغروهو|Nugroho; سانتوسو|Santoso|Santosa; عبد الله|Abdullah; إسماعيل|Ismail
حامد|Hamid; عبد الرزاق|Abdurajak|Abdurazak; صالح|Salic|Salik`,
  },
  west: {
    male: `توماس|Thomas|Tomas; كيفن|Kevin|Kevyn; نيكولا|Nicolas|Nicholas|Niklas; جوليان|Julien|Julian; ماكسيم|Maxime
جوناثان|Jonathan|Jonatan; ديفيد|David|Dawid; مايكل|Michael|Mikael|Michel; دانيال|Daniel|Danijel; لوكاس|Lucas|Lukas
يان|Jan|Yann; سفين|Sven; كريستيان|Kristian|Christian; مارك|Mark|Marc; جيمس|James; جاك|Jack|Jacques
رايان|Ryan|Rayan; ليام|Liam; ماتيو|Matteo|Mathieu; بابلو|Pablo; توبياس|Tobias; بيير|Pierre; ستيفان|Stefan|Stephan
باتريك|Patrick|Patrik; ألكسندر|Alexander|Alexandre|Aleksander`,
    female: `إميلي|Emilie|Emily; لورا|Laura; سارة|Sarah|Sara; جولي|Julie; آنا|Anna|Ana; ليزا|Lisa; صوفي|Sophie|Sofie
جيسيكا|Jessica; هانا|Hannah|Hanna; أماندين|Amandine; ليا|Lea|Leah; ماري|Marie|Mary; ريبيكا|Rebecca|Rebekka`,
    surnames: `مارتن|Martin; برنار|Bernard; دوبوا|Dubois; لوفيفر|Lefebvre|Lefevre; مولر|Muller|Mueller; شميدت|Schmidt|Schmitt
شنايدر|Schneider; فيشر|Fischer; سميث|Smith; جونز|Jones; تايلور|Taylor; براون|Brown; ويليامز|Williams
يانسنز|Janssens; بيترز|Peeters|Peters; دي فريس|De Vries|de Vries; يانسن|Jansen|Janssen; أندرسون|Andersson|Anderson
هانسن|Hansen; نيلسن|Nielsen; روسي|Rossi; غارسيا|Garcia; لارسن|Larsen; هوبر|Huber; مورفي|Murphy; ووكر|Walker`,
  },
  balkans: {
    male: `ميرساد|Mirsad; أمير|Emir|Amir; أنيس|Enis; عدنان|Adnan; حارث|Haris; كنعان|Kenan; سناد|Senad; ألمير|Almir
نرمين|Nermin; فاتوش|Fatos|Fatosh; أربن|Arben; بسنيك|Besnik; لافدريم|Lavdrim; إلير|Ilir`,
    female: `عمرة|Amra; أمينة|Emina|Amina; سلمى|Selma; ليلى|Lejla|Leila; أرتا|Arta; دريتا|Drita; فالبونا|Valbona`,
    surnames: `هوجيتش|Hodzic|Hodzich|Hodzhich; بيغيتش|Begic|Begich; ديليتش|Delic|Delich; محمدوفيتش|Mehmedovic|Mehmedovich
حسنوفيتش|Hasanovic|Hasanovich; عثمانوفيتش|Osmanovic|Osmanovich; كراسنيتشي|Krasniqi|Krasnici; بريشا|Berisha
غاشي|Gashi; هوجا|Hoxha|Hodja; شالا|Shala; أحمدي|Ahmeti; عيسني|Iseni`,
  },
  eastAfrica: {
    male: `عبد الرحمن|Abdirahman|Abdurahman|Abdirahmaan; عبد الله|Abdullahi|Abdulahi; محمد|Mohamed|Maxamed|Mohamud
حسن|Hassan|Xasan; أحمد|Ahmed|Axmed; فارح|Farah|Faarax; عبد العزيز|Abdiaziz|Abdulaziz; عبد الكريم|Abdikarim|Abdulkarim
يوسف|Yusuf|Yuusuf; عمر|Omar|Cumar; إسماعيل|Ismail|Ismaaciil; مهد|Mahad; ليبان|Liban|Libaan; بشير|Bashir|Bashiir`,
    female: `هودان|Hodan|Xodan; أمينة|Amina|Aamina; فطومة|Fadumo|Faadumo; سهرة|Sahra|Saxra; إفراح|Ifrah|Ifraax
نعمة|Nimco|Nimo; هبة|Hibo|Hibaaq`,
    surnames: '',
  },
  uyghur: {
    male: `عبد الرحيم|Abdurehim|Abdurahim; محمد|Memet|Mehmet|Muhammad; عبد الكريم|Abdukerim|Abdukarim; تورسون|Tursun
أحمد جان|Ahmatjan|Ahmetjan|Akhmetzhan; ياسين|Yasin|Yassin; نور محمد|Nurmemet|Nurmuhammad; إركين|Erkin; عالم|Alim
إلهام|Ilham; عبد الله|Abdulla|Abdullah`,
    female: `غولنار|Gulnar|Gulnara; مهري|Mihray|Mihrai; آيغول|Aygul|Aigul; فاطيغول|Patigul|Fatigul; مهربان|Mehriban`,
    surnames: '',
  },
};
