/**
 * The nationalities of the reference operation: each country's share of detainees (percent), how its men's
 * names are built (a mixture of naming regions: diaspora communities name their sons as their parents'
 * homeland does), which Latin spelling tradition its documents follow, the nisbas its fighters are known by,
 * and some places of birth. Shares follow the public picture of the north-east Syrian prisons: about 40 %
 * Iraqi, 35 % Syrian, the rest from some sixty countries.
 */

/** The Latin spelling tradition of a country's documents: English, French, or Egyptian (el-). */
export type LatinTradition = 'en' | 'fr' | 'eg';

/** One nationality of the scenario. */
export interface NationalityInfo {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** Share of detainees, in percent. */
  share: number;
  /** Naming regions and their weights, e.g. `maghreb:0.6 west:0.4`. */
  regions: string;
  latin: LatinTradition;
  /** Nisbas of origin, `arabic|academic|english|french` rows separated by `;` (empty for Iraq and Syria). */
  nisbas: string;
  /** Places of birth, comma-separated. */
  places: string;
}

type Row = readonly [string, number, string, LatinTradition, string, string];

const ROWS: readonly Row[] = [
  ['IRQ', 40, 'iraq', 'en', '', 'Mosul,Tal Afar,Fallujah,Ramadi,Baghdad,Tikrit,Kirkuk,Baqubah,Samarra,Hit,al-Qaim,Haditha,Sinjar,Hawija,Baiji,Rawa'],
  ['SYR', 35, 'syria', 'en', '', 'Raqqa,Deir ez-Zor,al-Mayadin,Albu Kamal,Aleppo,Idlib,Homs,Hasakah,Manbij,al-Bab,Tabqa,Hajin,al-Shaddadi,Hama,Damascus'],
  ['TUN', 2.2, 'maghreb', 'fr', 'التونسي|al-Tunisi|al-Tunisi|et-Tounsi', 'Tunis,Ben Guerdane,Bizerte,Sfax,Kairouan,Sousse,Kasserine'],
  ['SAU', 1.6, 'gulf', 'en', 'الجزراوي|al-Jazrawi|al-Jazrawi|el-Jazraoui', 'Riyadh,Jeddah,Buraidah,Mecca,Dammam,Abha'],
  ['MAR', 1.4, 'maghreb', 'fr', 'المغربي|al-Maghribi|al-Maghrebi|el-Maghribi', 'Tetouan,Tangier,Casablanca,Fez,Fnideq,Sale'],
  ['EGY', 1.2, 'levant', 'eg', 'المصري|al-Misri|al-Masri|el-Masri', 'Cairo,Alexandria,Giza,Arish,Mansoura'],
  ['RUS', 1.6, 'caucasus:0.9 centralAsia:0.1', 'en', 'الشيشاني|al-Shishani|al-Shishani|ech-Chichani; الداغستاني|al-Daghistani|al-Dagestani|ed-Daghestani; الروسي|al-Rusi|al-Rusi|er-Roussi', 'Grozny,Makhachkala,Khasavyurt,Nazran,Nalchik,Kazan,Moscow'],
  ['UZB', 1.0, 'centralAsia', 'en', 'الأوزبكي|al-Uzbaki|al-Uzbeki|el-Ouzbeki', 'Tashkent,Andijan,Namangan,Fergana,Samarkand'],
  ['TJK', 0.9, 'centralAsia', 'en', 'الطاجيكي|al-Tajiki|al-Tajiki|et-Tadjiki', 'Dushanbe,Khujand,Kulob,Vahdat'],
  ['KAZ', 0.6, 'centralAsia', 'en', 'القازاقي|al-Qazaqi|al-Kazakhi|el-Kazakhi', 'Almaty,Shymkent,Aktobe,Atyrau'],
  ['TUR', 1.6, 'turkic', 'en', 'التركي|al-Turki|al-Turki|et-Turki', 'Istanbul,Gaziantep,Adiyaman,Konya,Sanliurfa,Ankara'],
  ['JOR', 1.2, 'levant', 'en', 'الأردني|al-Urduni|al-Urduni|el-Ourdouni', 'Zarqa,Amman,Salt,Irbid,Maan'],
  ['FRA', 1.0, 'maghreb:0.6 west:0.4', 'fr', 'الفرنسي|al-Faransi|al-Faransi|el-Faranssi', 'Paris,Lunel,Toulouse,Nice,Strasbourg,Roubaix,Trappes'],
  ['DEU', 0.8, 'turkic:0.35 maghreb:0.25 west:0.3 balkans:0.1', 'en', 'الألماني|al-Almani|al-Almani|el-Almani', 'Hamburg,Berlin,Dinslaken,Bonn,Frankfurt,Wolfsburg'],
  ['GBR', 0.6, 'southAsia:0.5 west:0.3 eastAfrica:0.1 levant:0.1', 'en', 'البريطاني|al-Britani|al-Britani|el-Britani', 'London,Birmingham,Portsmouth,Cardiff,Manchester'],
  ['BEL', 0.4, 'maghreb:0.75 west:0.25', 'fr', 'البلجيكي|al-Baljiki|al-Beljiki|el-Beljiki', 'Brussels,Antwerp,Vilvoorde,Molenbeek,Liege'],
  ['NLD', 0.35, 'maghreb:0.6 turkic:0.15 west:0.25', 'en', 'الهولندي|al-Hulandi|al-Hollandi|el-Hollandi', 'Amsterdam,Rotterdam,The Hague,Delft,Utrecht'],
  ['IDN', 0.8, 'southeastAsia', 'en', 'الإندونيسي|al-Indunisi|al-Indonesi|el-Indonesi', 'Jakarta,Surabaya,Bandung,Solo,Medan,Makassar'],
  ['AZE', 0.5, 'turkic', 'en', 'الأذري|al-Adhari|al-Azeri|el-Azeri', 'Baku,Sumqayit,Ganja,Zaqatala'],
  ['LBY', 0.5, 'maghreb', 'en', 'الليبي|al-Libi|al-Libi|el-Libi', 'Derna,Benghazi,Tripoli,Sirte,Misrata'],
  ['DZA', 0.5, 'maghreb', 'fr', 'الجزائري|al-Jazairi|al-Jazairi|el-Djazairi', 'Algiers,Oran,Constantine,Blida'],
  ['YEM', 0.5, 'gulf', 'en', 'اليمني|al-Yamani|al-Yemeni|el-Yemeni', 'Sanaa,Aden,Taiz,Ibb,Mukalla'],
  ['LBN', 0.5, 'levant', 'en', 'اللبناني|al-Lubnani|al-Lubnani|el-Loubnani', 'Tripoli,Sidon,Beirut,Arsal'],
  ['PSE', 0.3, 'levant', 'en', 'الفلسطيني|al-Filastini|al-Falastini|el-Filastini', 'Gaza,Nablus,Jenin,Hebron'],
  ['SDN', 0.3, 'levant', 'en', 'السوداني|al-Sudani|al-Sudani|es-Soudani', 'Khartoum,Omdurman,Port Sudan'],
  ['SOM', 0.15, 'eastAfrica', 'en', 'الصومالي|al-Sumali|al-Somali|es-Somali', 'Mogadishu,Kismayo,Baidoa'],
  ['KWT', 0.2, 'gulf', 'en', 'الكويتي|al-Kuwayti|al-Kuwaiti|el-Koweiti', 'Kuwait City,Jahra,Farwaniya'],
  ['AFG', 0.25, 'southAsia', 'en', 'الأفغاني|al-Afghani|al-Afghani|el-Afghani; الخراساني|al-Khurasani|al-Khorasani|el-Khorassani', 'Kabul,Jalalabad,Kunduz,Herat'],
  ['PAK', 0.3, 'southAsia', 'en', 'الباكستاني|al-Bakistani|al-Pakistani|el-Pakistani', 'Karachi,Lahore,Peshawar,Quetta'],
  ['IND', 0.1, 'southAsia', 'en', 'الهندي|al-Hindi|al-Hindi|el-Hindi', 'Hyderabad,Kalyan,Kasaragod'],
  ['BGD', 0.1, 'southAsia', 'en', 'البنغالي|al-Bangali|al-Bengali|el-Bengali', 'Dhaka,Chittagong,Sylhet'],
  ['MDV', 0.15, 'southAsia', 'en', 'المالديفي|al-Maldifi|al-Maldivi|el-Maldivi', 'Male,Addu,Fuvahmulah'],
  ['MYS', 0.15, 'southeastAsia', 'en', 'الماليزي|al-Malizi|al-Malizi|el-Malizi', 'Kuala Lumpur,Johor Bahru,Kota Bharu'],
  ['PHL', 0.1, 'southeastAsia', 'en', 'الفلبيني|al-Filibini|al-Filipini|el-Filipini', 'Marawi,Cotabato,Zamboanga'],
  ['CHN', 0.4, 'uyghur', 'en', 'التركستاني|al-Turkistani|al-Turkistani|et-Turkistani', 'Kashgar,Hotan,Urumqi,Aksu'],
  ['KGZ', 0.35, 'centralAsia', 'en', 'القرغيزي|al-Qirghizi|al-Kyrgyzi|el-Kirghizi', 'Osh,Jalal-Abad,Bishkek'],
  ['TKM', 0.15, 'centralAsia', 'en', 'التركماني|al-Turkmani|al-Turkmani|et-Turkmani', 'Ashgabat,Mary,Dashoguz'],
  ['GEO', 0.15, 'caucasus', 'en', 'الشيشاني|al-Shishani|al-Shishani|ech-Chichani; الجورجي|al-Jurji|al-Georgi|el-Georgi', 'Duisi,Jokolo,Tbilisi'],
  ['AUS', 0.2, 'levant:0.4 west:0.3 southAsia:0.2 turkic:0.1', 'en', 'الأسترالي|al-Usturali|al-Australi|el-Australi', 'Sydney,Melbourne,Brisbane'],
  ['CAN', 0.12, 'west:0.5 levant:0.3 southAsia:0.2', 'en', 'الكندي|al-Kanadi|al-Kanadi|el-Kanadi', 'Toronto,Calgary,Montreal,Ottawa'],
  ['USA', 0.1, 'west:0.5 levant:0.3 eastAfrica:0.2', 'en', 'الأمريكي|al-Amriki|al-Amriki|el-Amriki', 'Minneapolis,Houston,Chicago,Detroit'],
  ['SWE', 0.25, 'levant:0.3 eastAfrica:0.2 balkans:0.2 west:0.3', 'en', 'السويدي|al-Swidi|al-Swedi|es-Suedi', 'Gothenburg,Stockholm,Malmo,Orebro'],
  ['DNK', 0.1, 'west:0.4 levant:0.4 turkic:0.2', 'en', 'الدنماركي|al-Danmarki|al-Dinmarki|ed-Danmarki', 'Copenhagen,Aarhus,Odense'],
  ['NOR', 0.08, 'west:0.4 southAsia:0.3 eastAfrica:0.3', 'en', 'النرويجي|al-Narwiji|al-Norweji|en-Norvegi', 'Oslo,Fredrikstad,Bergen'],
  ['FIN', 0.08, 'west:0.4 eastAfrica:0.3 levant:0.3', 'en', 'الفنلندي|al-Finlandi|al-Finlandi|el-Finlandi', 'Helsinki,Turku,Espoo'],
  ['AUT', 0.15, 'balkans:0.4 caucasus:0.3 west:0.3', 'en', 'النمساوي|al-Nimsawi|al-Nimsawi|en-Nimsaoui', 'Vienna,Graz,Linz'],
  ['ESP', 0.1, 'maghreb:0.7 west:0.3', 'fr', 'الأندلسي|al-Andalusi|al-Andalusi|el-Andaloussi', 'Ceuta,Melilla,Barcelona,Madrid'],
  ['ITA', 0.08, 'maghreb:0.6 west:0.4', 'fr', 'الإيطالي|al-Itali|al-Itali|el-Itali', 'Milan,Turin,Rome,Bologna'],
  ['CHE', 0.06, 'balkans:0.4 west:0.3 maghreb:0.3', 'fr', 'السويسري|al-Swisri|al-Swisri|es-Souissri', 'Geneva,Winterthur,Zurich'],
  ['BIH', 0.2, 'balkans', 'en', 'البوسني|al-Busni|al-Bosni|el-Bosni', 'Sarajevo,Zenica,Gornja Maoca,Tuzla'],
  ['ALB', 0.1, 'balkans', 'en', 'الألباني|al-Albani|al-Albani|el-Albani', 'Tirana,Elbasan,Pogradec'],
  ['MKD', 0.1, 'balkans', 'en', 'المقدوني|al-Maqduni|al-Makduni|el-Macedoni', 'Skopje,Kumanovo,Tetovo'],
  ['OMN', 0.05, 'gulf', 'en', 'العماني|al-Umani|al-Omani|el-Omani', 'Muscat,Sohar,Salalah'],
  ['BHR', 0.06, 'gulf', 'en', 'البحريني|al-Bahrayni|al-Bahraini|el-Bahreini', 'Manama,Muharraq,Riffa'],
  ['QAT', 0.05, 'gulf', 'en', 'القطري|al-Qatari|al-Qatari|el-Katari', 'Doha,Al Rayyan'],
  ['ARE', 0.05, 'gulf', 'en', 'الإماراتي|al-Imarati|al-Emirati|el-Emirati', 'Sharjah,Dubai,Abu Dhabi'],
  ['TTO', 0.1, 'west:0.8 southAsia:0.2', 'en', 'الترينيدادي|al-Trinidadi|al-Trinidadi|et-Trinidadi', 'Port of Spain,Chaguanas,Rio Claro'],
  ['MRT', 0.06, 'maghreb', 'fr', 'الموريتاني|al-Muritani|al-Mauritani|el-Mouritani', 'Nouakchott,Nouadhibou'],
  ['IRL', 0.05, 'west', 'en', 'الإيرلندي|al-Irlandi|al-Irlandi|el-Irlandi', 'Dublin,Cork'],
  ['UKR', 0.1, 'caucasus:0.5 west:0.5', 'en', 'الأوكراني|al-Ukrani|al-Ukraini|el-Oukraini', 'Simferopol,Kyiv,Odesa'],
];

/** Every nationality of the scenario, Iraq and Syria first. */
export const NATIONALITIES: readonly NationalityInfo[] = ROWS.map(([code, share, regions, latin, nisbas, places]) => ({
  code,
  share,
  regions,
  latin,
  nisbas,
  places,
}));
