//! The geoparser on the bundled world gazetteer: the bar set by a front-line report, the
//! recognition and resolution cases the product must get right, and the project's own
//! evaluation set (`tests/fixtures/conflict_dev.jsonl`).

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Geoparse, Options, Place, geoparse, geoparse_with};
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
            .expect("the committed index opens")
    })
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The places mentioned by `surface` (as written), with the texts of their mentions.
fn places_named<'a>(found: &'a Geoparse, surface: &str) -> Vec<&'a Place> {
    found
        .places
        .iter()
        .filter(|p| p.mentions.iter().any(|m| m.text() == surface))
        .collect()
}

/// Asserts that the mention `surface` of `text` is a place the gazetteer lacks, placed at the
/// first-level region `region`.
fn placed_in_region(text: &str, surface: &str, region: &str) {
    let found = geoparse(world(), text);
    let place = places_named(&found, surface);
    assert!(
        place.first().is_some_and(|p| p.approximate),
        "{surface}: {:?}",
        found.places
    );
    assert_eq!(place[0].admin1.as_deref(), Some(region), "{text}");
}

/// Each place's kind and first-level region, in order of first mention.
fn kinds_and_regions(found: &Geoparse) -> Vec<(&str, Option<&str>)> {
    found
        .places
        .iter()
        .map(|p| (p.kind.as_str(), p.admin1.as_deref()))
        .collect()
}

fn pinned(found: &Geoparse) -> Vec<&str> {
    found
        .mentions()
        .into_iter()
        .map(|(_, m)| m.text())
        .collect()
}

#[test]
fn the_front_line_report() {
    let text = fixture("frontline.txt");
    let found = geoparse(world(), &text);

    let pokrovsk = places_named(&found, "Pokrovsk");
    assert_eq!(pokrovsk.len(), 1);
    assert_eq!(
        pokrovsk[0].geonameid,
        Some(704422),
        "Pokrovsk in Donetsk Oblast, not Engels"
    );

    // Two Kostiantynivkas, each from its own sentence.
    let kostiantynivka = places_named(&found, "Kostiantynivka");
    assert_eq!(kostiantynivka.len(), 2, "{kostiantynivka:#?}");
    let near_sumy = kostiantynivka
        .iter()
        .find(|p| p.approximate)
        .expect("the village in Sumy");
    assert_eq!(near_sumy.admin1.as_deref(), Some("UA.21"));
    assert_eq!(near_sumy.within.as_deref(), Some("Sumska oblast"));
    assert!(near_sumy.mentions[0].sentence.contains("drone attack"));
    let near_pokrovsk = kostiantynivka.iter().find(|p| !p.approximate).unwrap();
    assert_eq!(near_pokrovsk.geonameid, Some(705104));
    assert!(
        near_pokrovsk.mentions[0]
            .sentence
            .contains("Russian artillery")
    );

    let region = places_named(&found, "Dnipropetrovsk region");
    assert_eq!(region.len(), 1);
    assert_eq!(region[0].kind, "admin1");
    assert_eq!(region[0].admin1.as_deref(), Some("UA.04"));

    assert_eq!(places_named(&found, "Sumy")[0].geonameid, Some(692194));
    assert_eq!(places_named(&found, "Donetsk")[0].geonameid, Some(709717));
    assert_eq!(
        places_named(&found, "Iowa")[0].admin1.as_deref(),
        Some("US.IA")
    );
    assert_eq!(places_named(&found, "Iran")[0].kind, "country");
    assert_eq!(places_named(&found, "Israel")[0].kind, "country");

    let pins = pinned(&found);
    for never in [
        "Trump",
        "Donald",
        "Putin",
        "Vladimir",
        "Macron",
        "Emmanuel",
        "Air",
        "Force",
        "One",
        "Kremlin",
        "Pentagon",
        "Austin",
        "Lloyd",
        "Graham",
        "Lindsey",
        "Russian",
        "Ukrainian",
        "French",
        "General",
        "Staff",
    ] {
        assert!(!pins.contains(&never), "{never} was pinned: {pins:?}");
    }
}

#[test]
fn mentions_carry_their_sentences_and_spans() {
    let text = "Drones hit Kharkiv. Later, shelling was reported in Izium.";
    let found = geoparse(world(), text);
    for (_, m) in found.mentions() {
        assert_eq!(&text[m.start..m.end], m.text());
        assert_eq!(&text[m.sentence_start..m.sentence_end], &*m.sentence);
        assert!(m.sentence.contains(m.text()));
        assert!(m.confidence > 0.0 && m.confidence <= 1.0);
    }
    assert_eq!(pinned(&found), ["Kharkiv", "Izium"]);
    // Serialised, each mention writes its name and its sentence out in full, and reads back
    // the same; a mention whose offsets do not fit its sentence reads as no name.
    let json = serde_json::to_value(&found).unwrap();
    let first = &json["places"][0]["mentions"][0];
    assert_eq!(
        (first["text"].as_str(), first["sentence"].as_str()),
        (Some("Kharkiv"), Some("Drones hit Kharkiv."))
    );
    let back: Geoparse = serde_json::from_value(json).unwrap();
    assert_eq!(back, found);
    let mut odd = found.places[0].mentions[0].clone();
    odd.start = odd.sentence_end + 5;
    odd.end = odd.start + 3;
    assert_eq!(odd.text(), "");
}

/// Checks that `text` pins exactly `expected`, in order. A failure is kept, not raised, so
/// that the test reports every case it fails, when its [`Cases`] ends.
fn pins(text: &str, expected: &[&str]) {
    let found = geoparse(world(), text);
    let got = pinned(&found);
    if got != expected {
        FAILED.with(|f| {
            f.borrow_mut().push(format!(
                "{text:?}\n    expected {expected:?}\n    got      {got:?}"
            ))
        });
    }
}

thread_local! {
    /// The cases of the running test that failed (each test runs on a thread of its own).
    static FAILED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The [`pins`] cases of one test: when it ends, the test fails with every case that failed.
struct Cases;

impl Drop for Cases {
    fn drop(&mut self) {
        let failed = FAILED.with(|f| std::mem::take(&mut *f.borrow_mut()));
        if !failed.is_empty() && !std::thread::panicking() {
            panic!("{} cases failed:\n{}", failed.len(), failed.join("\n"));
        }
    }
}

#[test]
fn ordinary_words_are_not_places() {
    let _cases = Cases;
    pins("May was warm. In March, Many drone crews moved west.", &[]);
    pins(
        "Drone strikes continued. Bank transfers were frozen by the Energy Agency.",
        &[],
    );
    pins(
        "Share prices fell, and Mobile networks failed. Reading the report, Nice words were rare.",
        &[],
    );
    pins(
        "They met in Nice and flew on to Reading.",
        &["Nice", "Reading"],
    );
    // So does its region or country after a comma, where a place of its name lies.
    pins(
        "Storms hit Mobile, Alabama, and the mayor of Oxford, North Carolina, spoke.",
        &["Mobile", "Alabama", "Oxford", "North Carolina"],
    );
    pins(
        "Saudi Arabia cut ties with a US ally in the Gulf, Qatar.",
        &["Saudi Arabia", "US", "Qatar"],
    );
    // So does a public body in lower case after it.
    pins(
        "The Nice police said the attacker was shot, and the Reading council will appeal.",
        &["Nice", "Reading"],
    );
    // So does a word for a settlement or a facility that the name owns, or one before "of".
    pins(
        "Exports rose, and Savannah's port and the port of Mobile were busy.",
        &["Savannah", "Mobile"],
    );
    // So does a bearing: "south of".
    pins(
        "Cairns rose on the hill. He lives in Edmonton, south of Cairns.",
        &["Edmonton", "Cairns"],
    );
    // A locative reaches along a list of places, not past other words.
    pins("They shop in Nice and Reading.", &["Nice", "Reading"]);
    // So does a word for areas ending the list a name begins, after "the".
    pins(
        "Russian forces struck Nikopol and the Marhanets and Pokrovske hromadas.",
        &["Nikopol", "Marhanets", "Pokrovske"],
    );
    // However long the list.
    pins(
        "Attacks hit the Bilopillia, Krasnopillia, Velyka Pysarivka, Khotin and Seredyna-Buda \
         hromadas.",
        &[
            "Bilopillia",
            "Krasnopillia",
            "Velyka Pysarivka",
            "Khotin",
            "Seredyna-Buda",
        ],
    );
    // So does a list itself: a place found before it and a capitalised word after it.
    pins(
        "Israeli jets struck Nabatieh, Tyre and Bint Jbeil.",
        &["Nabatieh", "Tyre", "Bint Jbeil"],
    );
    pins(
        "Reading, the town in Berkshire, flooded in March, and Nice saw storms.",
        &["Berkshire", "Nice"],
    );
    pins(
        "Talks between Lagos Chamber of Commerce and Industry went well.",
        &["Lagos"],
    );
    // A sentence's capitalised first word is no name beside a place that is also a word,
    // nor is a function word.
    pins(
        "In Japan, shares fell. In China the Bible is rare.",
        &["Japan", "China"],
    );
    pins(
        "Sales grew fast: Both China and Brazil bought more.",
        &["China", "Brazil"],
    );
}

#[test]
fn people_are_not_places() {
    let _cases = Cases;
    pins("Vladimir Putin met Donald Trump.", &[]);
    // A surname that is also an ordinary word, when it speaks, after a country's name or a
    // name that some alias gives a capital (Bern is also "Ben").
    pins(
        "Jordan Smith said it. Victoria Baker told reporters. Ben Smith said so.",
        &[],
    );
    // Nor does a place's surname make its given name a place (Rhodes is an island).
    pins("Ben Rhodes said the talks had failed.", &[]);
    // But a title after a place is the place's office, no surname.
    pins(
        "Kherson Governor Oleksandr Prokudin said the city was shelled.",
        &["Kherson"],
    );
    pins("Yuri Ushakov and Emmanuel Macron spoke.", &[]);
    pins(
        "Lloyd Austin and Lindsey Graham disagreed, Mr. Kirby said.",
        &[],
    );
    pins(
        "JD Vance, Keith Kellogg and Jake Sullivan met William Burns.",
        &[],
    );
    pins("Jackson said the talks failed. Later Jackson left.", &[]);
    pins("Victoria Nuland arrived; Victoria was tired.", &[]);
    // A surname seen first alone, then with its given name: a person both times.
    pins(
        "Ingram expectations. Tom Ingram won four races in Texas.",
        &["Texas"],
    );
    // Only a one-word name is a given name: a country's name of two words is no person's.
    pins(
        "He is the envoy to the Holy See Mikayel Minasyan. He met PRC officials in the Holy See.",
        &["Holy See", "PRC", "Holy See"],
    );
    // A small foreign place's bare name, in a story about elsewhere, is more likely a name.
    pins(
        "Officials in Madrid and Barcelona met. The academic Ben Cousins calls it fair.",
        &["Madrid", "Barcelona"],
    );
    // An age given after a name marks a person's; a place keeps its locative.
    pins(
        "Barry Smith, 80, and his wife, 81, met in Barry as teenagers.",
        &["Barry"],
    );
    pins("Police found Kimberly Hacker, 43, of McKee.", &["McKee"]);
    pins(
        "The suspect is Paul Block Jr., 49, of Waterloo.",
        &["Waterloo"],
    );
    // A middle initial marks a person's name, and the surname stays a person's after it.
    pins("Gino D. Bassett was charged. Police say Bassett fled.", &[]);
    // After a verb of speech, a speaker ends the clause or goes on with a preposition; a
    // name with a verb after it is what was spoken of.
    pins("The farm is large, said Jackson on Monday.", &[]);
    // (A name after "of" is the place something is of: "the mayor of Raleigh said".)
    pins("The mayor of Raleigh said so.", &["Raleigh"]);
    // (Nor one listed after a locative: the workers speak, the lawmakers urge.)
    pins(
        "Workers in Lansing and Flint said they feared cuts; lawmakers from Michigan and Ohio \
         urged action.",
        &["Lansing", "Flint", "Michigan", "Ohio"],
    );
    // A given name, though a country's, before a surname in apposition to a title.
    let text = "Chad Smith, a spokesman for the UN, said aid crossed from Chad into Darfur.";
    let found = geoparse(world(), text);
    let starts: Vec<usize> = found.mentions().iter().map(|(_, m)| m.start).collect();
    assert_eq!(
        starts,
        [text.rfind("Chad").unwrap(), text.find("Darfur").unwrap()]
    );
    // (A day is no surname.)
    pins("Drones hit Kyiv Thursday, a spokesman said.", &["Kyiv"]);
    // (Nor is a place after a locative and words that describe it: officials speak.)
    pins(
        "Officials in Russian-occupied Melitopol said the city was calm.",
        &["Melitopol"],
    );
    pins(
        "Residents in besieged Pokrovsk said shelling went on.",
        &["Pokrovsk"],
    );
    // Places report things too.
    pins(
        "Residents of Khan Younis and Rafah reported heavy shelling.",
        &["Khan Younis", "Rafah"],
    );
    pins(
        "Fodge said Missouri had much to offer. They sell cattle all over Missouri.",
        &["Missouri", "Missouri"],
    );
    pins(
        "Economists say Hawaii's growth lags. Many of Hawaii's jobs are in tourism.",
        &["Hawaii", "Hawaii"],
    );
    // A person's name stays a person's after "to", which persons take too.
    pins(
        "The adviser John Bolton left. Trump later offered the job to Bolton.",
        &[],
    );
    pins("Sens. Tom Udall and Martin Heinrich wrote to him.", &[]);
    pins("John Bolton spoke first.", &[]);
    // A name after a title is a person's, and so is the name after it.
    pins("Oklahoma Gov. Mary Fallin signed the bill.", &["Oklahoma"]);
    // A word for kin is a title: "his brother Alex", "his wife, Julia".
    pins(
        "His wife, Julia, has taken over. His brother Alex helps in Ohio.",
        &["Ohio"],
    );
    pins("His daughters, Malia and Sasha, often join him.", &[]);
    // Particles and hyphens join the parts of a surname.
    pins(
        "The colt, trained by Mike de Kock, won. Envoy Anthony Phillips-Spencer spoke.",
        &[],
    );
    pins(
        "Trade between Austria-Hungary and Russia grew.",
        &["Austria", "Hungary", "Russia"],
    );
    // ...even in a line of names, where capitals tell little.
    pins("Trainers: (Mike de Kock), (Saeed bin Suroor).", &[]);
    // A name of two words or more speaks for its government.
    pins(
        "The ruling hurts farmers, Tamil Nadu said.",
        &["Tamil Nadu"],
    );
    // A locative keeps a place a place before a verb of speech.
    pins(
        "Barry, who was from Dewsbury said: it was fun.",
        &["Dewsbury"],
    );
    // An acronym beside a place is a broadcaster or a body, not a given name or a surname.
    pins(
        "Figures went to councillors at Nenagh MDC. Most applicants are in Nenagh.",
        &["Nenagh", "Nenagh"],
    );
    pins("Palma said so in a call with CBC Toronto.", &["Toronto"]);
    // A road number is no given name, and a name leading to an institution's is no person's.
    pins(
        "Crews closed the A429 Cirencester junction. Drivers to Cirencester face delays.",
        &["Cirencester", "Cirencester"],
    );
    pins(
        "There are 28 contracts in the Nenagh Municipal District. Most applicants live near Nenagh.",
        &["Nenagh"],
    );
    // A capitalised function word is no given name ("season The Atlantic…", a headline run
    // into the text).
    pins(
        "Forecasters expect an above-average season The Atlantic hurricane season starts soon. Storms form in the Atlantic.",
        &["Atlantic", "Atlantic"],
    );
    // A country taken once for a given name is still the country after a locative.
    pins(
        "Jordan Peterson spoke first. He has lived in Jordan for a year.",
        &["Jordan"],
    );
    // A notable place after a small one ("Air", in Niger) is no surname: the country of
    // "Air Zimbabwe" stays a place for the rest of the text.
    pins(
        "Flights on Air Zimbabwe stopped. Visitors still fly to Zimbabwe.",
        &["Zimbabwe", "Zimbabwe"],
    );
    // After "of", a notable place is what an office is of, and a person's name follows.
    pins(
        "The minister of Kazakhstan Arystan Kakikenov spoke. Kakikenov left.",
        &["Kazakhstan"],
    );
    // The one met or hosted is a person, short of a notable place.
    pins(
        "Shoigu met Kim in Pyongyang; Macron met with Kim in Seoul, and Meloni hosted Ukraine's \
         leader in Rome.",
        &["Pyongyang", "Seoul", "Ukraine", "Rome"],
    );
}

#[test]
fn organisations_buildings_and_vehicles_are_not_places() {
    let _cases = Cases;
    pins(
        "The White House, the Pentagon and the Kremlin all commented, as did the International Atomic Energy Agency.",
        &[],
    );
    pins("Shares of Johnson & Johnson rose.", &[]);
    pins("Thames Water said bills would rise.", &[]);
    // A minor place's name of two words that speaks is a firm's (Rio Tinto is a town in
    // Portugal); a notable one's a government's.
    pins(
        "Rio Tinto said profits fell. Tamil Nadu said it would help.",
        &["Tamil Nadu"],
    );
    // A ship in apposition to its kind (Moskva is Moscow's name in Russian).
    pins(
        "The Moskva, the flagship of the Black Sea Fleet, was sunk in April 2022.",
        &[],
    );
    // A firm said to be based somewhere (Samseung is a Korean village).
    pins(
        "Samsung, based in Suwon, reported record chip sales.",
        &["Suwon"],
    );
    pins("Shelling hit Kharkiv & Izium.", &["Kharkiv", "Izium"]);
    // A military unit takes its name from a place, even in lower case.
    pins(
        "The Azov regiment held out for weeks. Fighting near Azov continued.",
        &["Azov"],
    );
    // A fleet is named by an adjective that is a place's name declined (Chernomorskiy, a
    // village; Chornomorsk, a town).
    pins(
        "Атаку отразили силы ПВО и Черноморского флота у Севастополя.",
        &["Севастополя"],
    );
    pins("Кораблі Чорноморського флоту пішли з Криму.", &["Криму"]);
    // ("the" before a small place is no building where a word for an area follows.)
    pins(
        "It happened in the Crown Heights neighborhood of Brooklyn.",
        &["Crown Heights", "Brooklyn"],
    );
    // So does a word for an event there, after a list or a hyphen too.
    pins("Survivors recalled the Bucha massacre.", &["Bucha"]);
    pins(
        "Reform won the Runcorn and Helsby by-election.",
        &["Runcorn", "Helsby"],
    );
    pins(
        "He flew on Air Force One. The Rapid Support Forces advanced.",
        &[],
    );
    pins(
        "The Washington Post and the Kyiv Independent reported it.",
        &[],
    );
    // British spelling is ordinary English too.
    pins("The Centre for Trade Policy published it.", &[]);
    // A saint's name on a building is its dedication, not a town named for the saint.
    pins(
        "Mass was said in St. Peter's Basilica; the injured went to St. Paul's Hospital.",
        &[],
    );
    // A place's own public body names its seat.
    pins(
        "London Police arrested two men. Kentucky State Police and the Glasgow Police \
         Department say so, as does Enfield Council.",
        &["London", "Kentucky State", "Glasgow", "Enfield"],
    );
    // A direction and an area word are a court's or a firm's generic district.
    pins(
        "The case is before the U.S. District Court, Southern District of Ohio.",
        &["U.S", "Ohio"],
    );
    // Streets and squares are addresses, not the towns they are named after.
    pins(
        "Crowds filled Hampton Avenue and Independence Square in Kyiv.",
        &["Kyiv"],
    );
}

#[test]
fn demonyms_are_pins_only_when_asked_for() {
    let _cases = Cases;
    let text = "Russian forces attacked Ukrainian defences.";
    assert!(geoparse(world(), text).places.is_empty());
    let found = geoparse_with(world(), text, Options { demonyms: true });
    let countries: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(countries, ["RU", "UA"]);
    // Not towns in Indiana and Alabama: the English, the Arab states.
    let text = "English officials and Arab states met in Holland.";
    pins(text, &["Holland"]);
    assert_eq!(
        places_named(&geoparse(world(), text), "Holland")[0].country,
        "NL"
    );
    // Unpinned, a demonym still says which countries the text is about: Crete the Greek
    // island, not the town in Illinois.
    let found = geoparse(world(), "Greek firefighters battled blazes on Crete.");
    assert_eq!(pinned(&found), ["Crete"]);
    assert_eq!(places_named(&found, "Crete")[0].country, "GR");
}

#[test]
fn an_alias_of_a_city_abroad_is_seldom_what_the_text_means() {
    let _cases = Cases;
    // "Hamas" is an alias of Hamm, Germany, in GeoNames: it neither pins Hamm nor makes the
    // story one about Germany, where a small Israeli town would be doubted.
    pins("Hamas gunmen attacked Sderot on October 7.", &["Sderot"]);
    // Nor does a locative vouch for it across a list.
    pins(
        "Egypt and Qatar mediated talks between Israel and Hamas in Doha.",
        &["Egypt", "Qatar", "Israel", "Doha"],
    );
}

#[test]
fn a_side_in_arms_says_who_acts_not_where() {
    let _cases = Cases;
    // Russian forces, and Russia's ministry, fight in Ukraine: the Pokrovsk of the front, not
    // a Russian namesake.
    for text in [
        "Russian forces attacked Pokrovsk.",
        "Russia's Defense Ministry said its troops captured a village in the Pokrovsk direction.",
        "Russia's army shelled Pokrovsk.",
    ] {
        let found = geoparse(world(), text);
        let pokrovsk = places_named(&found, "Pokrovsk");
        assert_eq!(pokrovsk.len(), 1, "{text}: {:?}", pinned(&found));
        assert_eq!(pokrovsk[0].geonameid, Some(704422), "{text}");
    }
    // A sea, not the region named after it, even beside that region's towns.
    let found = geoparse(
        world(),
        "The army retook Wad Madani, and Port Sudan on the Red Sea stayed calm.",
    );
    assert_eq!(places_named(&found, "Red Sea")[0].kind, "sea");
    // And the region where the text asks for it, though its name begins with an ordinary word.
    let found = geoparse(
        world(),
        "Floods hit Sudan's Red Sea state, near Port Sudan.",
    );
    assert_eq!(places_named(&found, "Red Sea state")[0].kind, "admin1");
    // A city and the region named after it, both by an alias: the city.
    let found = geoparse(
        world(),
        "Israel killed a Hezbollah commander in a strike near Nabatieh.",
    );
    assert_eq!(places_named(&found, "Nabatieh")[0].kind, "place");
    // A river is "the" river: Dnipro the city, unless "the" or "river" says otherwise.
    for (text, kind) in [
        ("Drones hit Dnipro overnight.", "place"),
        ("Russian troops crossed the Dnipro.", "river"),
        ("Shelling hit Kherson across the Dnipro River.", "river"),
    ] {
        let found = geoparse(world(), text);
        let dnipro = found.places.iter().find(|p| p.name.starts_with("Dnipro"));
        assert_eq!(dnipro.map(|p| p.kind.as_str()), Some(kind), "{text}");
    }
    // A stretch of the front is named after its town, "the" before it or not.
    pins(
        "Heavy fighting continued on the Kurakhove axis and in the Bakhmut direction.",
        &["Kurakhove", "Bakhmut"],
    );
    // A country's name as the attribute of its forces, officials or envoys says who acts,
    // not where the story is: the US's warships and officials visit the Egyptian city, its
    // envoy flies to Germany's Hamburg, not the town in New York. Where the country is
    // named as a place, it is where the story is.
    for text in [
        "US warships visited Alexandria.",
        "US officials visited Alexandria.",
        "America's envoy visited Alexandria.",
    ] {
        let found = geoparse(world(), text);
        assert_eq!(
            places_named(&found, "Alexandria")[0].country,
            "EG",
            "{text}"
        );
    }
    let found = geoparse(world(), "The US envoy flew to Hamburg to meet Merz.");
    assert_eq!(places_named(&found, "Hamburg")[0].country, "DE");
    // (A town the text ties to its neighbour is that town: a country named once would not be
    // enough against a city known everywhere.)
    let found = geoparse(world(), "Storms flooded Hamburg, south of Buffalo.");
    assert_eq!(places_named(&found, "Hamburg")[0].country, "US");
    // An armed group may take its name from a small place; a notable place before its
    // members is where they are from.
    pins(
        "Wagner mercenaries fought alongside Malian troops near Gao.",
        &["Gao"],
    );
    pins("Idlib rebels shelled Aleppo.", &["Idlib", "Aleppo"]);
    // A facility is named after the place it serves, "the" before it or not, even where the
    // name is an ordinary word ("saki", a monkey).
    pins(
        "Explosions were reported at the Saky airfield in Crimea, and Russia blew up the \
         Kakhovka dam.",
        &["Saky", "Crimea", "Russia", "Kakhovka"],
    );
    pins("Drones hit the Tuapse refinery overnight.", &["Tuapse"]);
    // A ship's name after its kind is the ship's.
    pins(
        "The sinking of the cruiser Moskva was a blow; the frigate Admiral Makarov was hit \
         near Sevastopol. Drones hit a ship. Odesa's governor said two were hurt.",
        &["Sevastopol", "Odesa"],
    );
    pins(
        "Blasts shook the Saky air base and the Sevastopol naval base.",
        &["Saky", "Sevastopol"],
    );
    // So does its region or country after "in" where it holds a place of the name.
    pins("Explosions hit Saky in Crimea.", &["Saky", "Crimea"]);
    // A facility "in" a region is where its place is: Belaya is no village in Kursk oblast
    // (but a firm's refinery "in" a town names no town).
    placed_in_region(
        "Ukrainian drones struck the Belaya air base in Irkutsk region.",
        "Belaya",
        "RU.20",
    );
    pins(
        "A fire broke out at the Shell refinery in Pernis.",
        &["Pernis"],
    );
}

#[test]
fn a_name_of_two_letters_is_a_place_only_after_a_locative() {
    let _cases = Cases;
    // "Al" is the main name of Ål, Norway; "On" of a Belgian village.
    pins(
        "Al-Qaeda's affiliate attacked soldiers near Djibo. Al Gore spoke in Nashville.",
        &["Djibo", "Nashville"],
    );
    // (A word hyphened to the one before is no locative: "Power-On Time" names no Time.)
    pins("Maximised Power-On Time", &[]);
}

#[test]
fn a_capitalised_word_that_is_no_name_names_nothing() {
    let _cases = Cases;
    // "Ive" is an alias of a Paris arrondissement: not "I've", even in a story about Paris.
    pins(
        "Talks in Paris ended. \"I've never seen such unity,\" Soper said.",
        &["Paris"],
    );
}

#[test]
fn whole_names() {
    let _cases = Cases;
    for (text, surface, kind) in [
        (
            "Fighting in the Donetsk region went on.",
            "Donetsk region",
            "admin1",
        ),
        ("Drones hit Sumy Oblast.", "Sumy Oblast", "admin1"),
        ("Troops left the Kursk region.", "Kursk region", "admin1"),
        (
            "Strikes on the Gaza Strip continued.",
            "Gaza Strip",
            "region",
        ),
        ("Raids in the West Bank grew.", "West Bank", "region"),
        ("Ships crossed the Red Sea.", "Red Sea", "sea"),
        (
            "Mines in the Sea of Azov sank a barge.",
            "Sea of Azov",
            "sea",
        ),
        // A lake is no place of its name's other words: not Victoria, Australia, nor the
        // Canadian province, nor the country of Chad.
        ("Boats sank on Lake Victoria.", "Lake Victoria", "lake"),
        ("A storm hit Lake Ontario.", "Lake Ontario", "lake"),
        (
            "Jihadists raided islands on Lake Chad.",
            "Lake Chad",
            "lake",
        ),
        // Rivers by their English forms ("River Severn"), "the" river alone, and a sea by its
        // adjective.
        (
            "Floods rose along the River Severn.",
            "River Severn",
            "river",
        ),
        ("A jet crashed into the Potomac.", "Potomac", "river"),
        ("Boats were struck in the Caribbean.", "Caribbean", "sea"),
        ("Fighting has shifted to Kordofan.", "Kordofan", "region"),
        // Islands: no Java in Georgia, no Crete in Illinois, no village Luzon in Mindanao.
        ("Floods swept Java and Sumatra.", "Java", "region"),
        ("Fires burned on Crete.", "Crete", "region"),
        ("Troops landed on Luzon.", "Luzon", "region"),
        ("Drones struck Kharg Island.", "Kharg Island", "region"),
        // A first-level region by its common English name, or an alias of its own (none is
        // doubtful, as another place's alias may be).
        ("Drones struck Tatarstan last week.", "Tatarstan", "admin1"),
        ("Troops were sent to Dagestan.", "Dagestan", "admin1"),
        ("Camps in Xinjiang grew.", "Xinjiang", "admin1"),
        (
            "Strikes hit Pakistan-administered Kashmir.",
            "Pakistan-administered Kashmir",
            "admin1",
        ),
        ("Rockets fell across the Galilee.", "Galilee", "region"),
        // Regions of American news: no New England in North Dakota, no Long Island in the
        // Bahamas, no Martha in Mexico.
        ("Storms hit New England.", "New England", "region"),
        (
            "Ferries left Martha's Vineyard.",
            "Martha's Vineyard",
            "region",
        ),
        ("Commuters on Long Island waited.", "Long Island", "region"),
        // The disputed shoals and reefs of the South China Sea (no Scarborough in Yorkshire).
        (
            "A coast guard ship fired a water cannon near Scarborough Shoal.",
            "Scarborough Shoal",
            "region",
        ),
        (
            "Російські війська обстрілюють береги Каховського водосховища.",
            "Каховського водосховища",
            "lake",
        ),
    ] {
        let found = geoparse(world(), text);
        let place = places_named(&found, surface);
        assert_eq!(
            place.len(),
            1,
            "{surface} in {text:?}: {:?}",
            pinned(&found)
        );
        assert_eq!(place[0].kind, kind, "{surface}");
    }
    // A name that ends in a word for an area is a place's whole name, even after a
    // capitalised adjective or made of ordinary words, unless an organisation's name goes on.
    pins(
        "Voters in historically Republican Orange County were angry. Pike County, a district \
         hard hit, lost more. The Orange County Register reported it.",
        &["Orange County", "Pike County"],
    );
    // A region the gazetteer can only place at its parent's point gives way to the town.
    let found = geoparse(world(), "She spoke to the press in Cork city today.");
    let cork = &found.places[0];
    assert!((cork.lat - 51.9).abs() < 0.1, "{cork:?}");
    // A possessive may sit inside a name, or end one.
    let found = geoparse(
        world(),
        "The Democratic People's Republic of Korea fired a missile under British Columbia's \
         gaze.",
    );
    let countries: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(countries, ["KP", "CA"], "{:?}", pinned(&found));
    // Or end a name's first word: "Cox's Bazar" is no Cox in Spain.
    let found = geoparse(world(), "Refugees in camps near Cox's Bazar said.");
    assert_eq!(
        kinds_and_regions(&found),
        [("place", Some("BD.84"))],
        "{:?}",
        pinned(&found)
    );
    let found = geoparse(
        world(),
        "Inspectors visited the Zaporizhzhia nuclear power plant.",
    );
    let plant = places_named(&found, "Zaporizhzhia nuclear power plant");
    assert_eq!(plant.len(), 1, "{:?}", pinned(&found));
    assert!((plant[0].lat - 47.51).abs() < 0.05 && (plant[0].lon - 34.59).abs() < 0.05);
    // "The Zaporizhzhia plant" is the same plant, not the city.
    let found = geoparse(world(), "The Zaporizhzhia plant lost external power again.");
    let plant = places_named(&found, "Zaporizhzhia plant");
    assert!((plant[0].lat - 47.51).abs() < 0.05, "{:?}", pinned(&found));
}

#[test]
fn ukrainian_and_russian_case_endings() {
    let _cases = Cases;
    for (text, geonameid) in [
        ("Бої тривають біля Покровська.", 704422),
        ("Обстріл Костянтинівки триває.", 705104),
        ("Вибухи у Харкові.", 706483),
        ("Взрывы в Одессе.", 698740),
        ("Удар по Николаеву.", 700569),
        // The Ukrainian dative and locative soften к before і; a name of two words declines
        // both, its short noun too.
        ("Вибухи у Костянтинівці.", 705104),
        ("Ситуація у Новій Каховці.", 699839),
        ("Бої біля Часового Яру.", 710915),
        ("Бои в Часовом Яре продолжаются.", 710915),
        // Ukraine's own romanisation, and the Cyrillic it comes from, as well as GeoNames'
        // "Avdiyivka".
        ("Russian troops took Avdiivka.", 713122),
        ("Бої за Авдіївку.", 713122),
        // A town on its river declines its first word only, and is one name.
        ("Обломки упали в Ростове-на-Дону.", 501175),
        ("Обломки упали в Славянске-на-Кубани.", 492094),
    ] {
        let found = geoparse(world(), text);
        assert_eq!(found.places.len(), 1, "{text}: {:?}", pinned(&found));
        assert_eq!(found.places[0].geonameid, Some(geonameid), "{text}");
    }
    let found = geoparse(world(), "Обстрелы в Белгородской области усилились.");
    assert_eq!(found.places.len(), 1, "{:?}", pinned(&found));
    assert_eq!(found.places[0].admin1.as_deref(), Some("RU.09"));
    // A list of a city's districts in Ukrainian, the plural ending the last: each named
    // alone, or as a district where the adjective alone names nothing (Дарницький).
    let found = geoparse(
        world(),
        "У Києві пошкоджено будинки в Дарницькому, Дніпровському та Оболонському районах.",
    );
    assert_eq!(found.places.len(), 4, "{:?}", pinned(&found));
    assert!(
        found
            .places
            .iter()
            .all(|p| p.admin1.as_deref() == Some("UA.12")),
        "{:?}",
        kinds_and_regions(&found)
    );
    // A list of regions in Russian, the plural ending the last name; and Mykolaiv declined,
    // its ї an є ("Миколаєві").
    let found = geoparse(
        world(),
        "ПВО сбили беспилотники над Брянской, Курской и Белгородской областями. В Одесі та \
         Миколаєві лунали вибухи.",
    );
    let admin1 = kinds_and_regions(&found);
    assert_eq!(
        admin1,
        [
            ("admin1", Some("RU.10")),
            ("admin1", Some("RU.41")),
            ("admin1", Some("RU.09")),
            ("place", Some("UA.17")),
            ("place", Some("UA.16"))
        ]
    );
    // An oblast by its common name, declined: "Херсонщину", "на Харківщині", "на Харьковщине".
    let found = geoparse(
        world(),
        "Російські війська обстріляли Херсонщину. На Харківщині пошкоджено будинки. Обстрелы на \
         Донетчине продолжаются.",
    );
    let admin1: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert_eq!(admin1, [Some("UA.08"), Some("UA.07"), Some("UA.05")]);
    assert!(found.places.iter().all(|p| p.kind == "admin1"));
    // A region declined after a place is where it lies, no surname: the place and the
    // region are both found (the self-proclaimed republics by their names of three words).
    for text in [
        "Взрывы в Покровске Донецкой области.",
        "Подразделения освободили населенный пункт Покровск Донецкой Народной Республики.",
    ] {
        let found = geoparse(world(), text);
        let read = kinds_and_regions(&found);
        assert_eq!(
            read,
            [("place", Some("UA.05")), ("admin1", Some("UA.05"))],
            "{text}"
        );
    }
    // A region's adjective before its government ("ОВА", "ОГА") is the region, not the city
    // it is named after (Dnipro was Dnipropetrovsk).
    let found = geoparse(
        world(),
        "Удар по Дніпру, повідомив голова Дніпропетровської ОВА. Глава Белгородской ОГА \
         сообщил об атаке. Сумська ОВА повідомила про обстріли.",
    );
    let read = kinds_and_regions(&found);
    assert_eq!(
        read,
        [
            ("place", Some("UA.04")),
            ("admin1", Some("UA.04")),
            ("admin1", Some("RU.09")),
            ("admin1", Some("UA.21"))
        ]
    );
    // A sentence's first word, capitalised as any first word is, is read as an inflected
    // place name only where it names a notable one.
    pins(
        "Мирные жители эвакуированы из Волчанска. Сили оборони відбили атаки біля Покровська. \
         Харкову загрожує наступ.",
        &["Волчанска", "Покровська", "Харкову"],
    );
}

#[test]
fn countries_in_ukrainian_and_russian_and_the_words_that_are_none() {
    let _cases = Cases;
    // Countries by their Ukrainian and Russian names, declined: not "Rossi", an Italian
    // village, for "России".
    for (text, countries) in [
        (
            "Он живёт в России и часто бывает в Польше.",
            &["RU", "PL"][..],
        ),
        ("Вона живе в Білорусі, а її брат у Румунії.", &["BY", "RO"]),
        (
            "Удары по Германии и Великобритании обсуждали в США.",
            &["DE", "GB", "US"],
        ),
        ("Україна і Росія обмінялися полоненими.", &["UA", "RU"]),
    ] {
        let found = geoparse(world(), text);
        let got: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
        assert_eq!(got, countries, "{text}: {:?}", pinned(&found));
        assert!(found.places.iter().all(|p| p.kind == "country"), "{text}");
    }
    // A sentence's first word that is only another place's alias in Cyrillic letters is a
    // word: "Він" (he) is no Vienna.
    pins("Він сказав, що допомога надійде.", &[]);
    // A name only once its case ending is taken off is a notable place or one of a country
    // that writes Cyrillic by its own name: "з Макроном" (with Macron) is no Makronia in
    // India, "з Єрмаком" no Aksu, Kazakhstan, once Yermak.
    pins(
        "Зеленський зустрівся з Макроном і Єрмаком у Парижі.",
        &["Парижі"],
    );
    // A front is named by its town's adjective: the town, for each of a list.
    let found = geoparse(
        world(),
        "Бої тривали на Лиманському, Куп'янському і Костянтинівському напрямках.",
    );
    let towns: Vec<Option<u32>> = found.places.iter().map(|p| p.geonameid).collect();
    assert_eq!(
        towns,
        [Some(704204), Some(703656), Some(705104)],
        "{:?}",
        pinned(&found)
    );
    // The adjective undoes what its suffix changed (Гуляйполе → Гуляйпільський, Добропілля →
    // Добропільський, Запоріжжя → Запорізький, Курахове → Курахівський), and a front is named
    // after the town of note among namesakes: not the village Huliaipole in Dnipropetrovsk
    // oblast, nor the Novopavlovka in Crimea.
    let found = geoparse(
        world(),
        "Бої тривали на Гуляйпільському, Добропільському, Запорізькому і Курахівському \
         напрямках.",
    );
    let towns: Vec<&str> = found.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        towns,
        ["Hulyaypole", "Dobropillia", "Zaporizhzhya", "Kurakhove"],
        "{:?}",
        pinned(&found)
    );
    // In Russian, by the Soviet-era names too (Krasnoarmeysk is Pokrovsk), the front's word
    // in any case; not the Russian Konstantinovkas, nor the village Huliaipole beside
    // Dnipropetrovsk oblast.
    let found = geoparse(
        world(),
        "Бои идут на Константиновском и Красноармейском направлениях. Удары наносились по \
         Днепропетровской области и Гуляйпольскому направлению.",
    );
    let towns: Vec<Option<u32>> = found.places.iter().map(|p| p.geonameid).collect();
    assert_eq!(
        towns,
        [Some(705104), Some(704422), Some(709929), Some(707898)],
        "{:?}",
        pinned(&found)
    );
    let found = geoparse(
        world(),
        "Russian forces attacked in the Novopavlivka direction near Novoserhiivka, Ivanivka \
         and Filiia (all southeast of Novopavlivka), and toward Ternove and Berezove (both \
         east of Novopavlivka).\n\nFighting continued in the Hulyaipole direction near \
         Uspenivka, Poltavka and Zatyshshia, and the Russian Ministry of Defense claimed the \
         seizure of Rivnopillia.",
    );
    assert_eq!(
        found.places[0].geonameid,
        Some(699373),
        "{:?}",
        found.places
    );
    // A region declined after a place holds it, as "in" does: Novoivanovka, a village the
    // gazetteer lacks in Dnipropetrovsk oblast, is no Novoivanivka in Poltava oblast. A unit's
    // quoted name is no place ("группировки войск «Восток»"), nor a plant's first word
    // ("Завод", no Závod in Slovakia); after a locative, a town by its Russian name is found
    // once declined ("в Северодонецке", GeoNames' Siverskodonetsk).
    placed_in_region(
        "Подразделения группировки войск «Восток» освободили населенный пункт Новоивановка \
         Днепропетровской области.",
        "Новоивановка",
        "UA.04",
    );
    pins(
        "Подразделения группировки войск «Восток» освободили населенный пункт Новоивановка \
         Днепропетровской области.",
        &["Новоивановка", "Днепропетровской области"],
    );
    pins("Завод «Азот» в Северодонецке разрушен.", &["Северодонецке"]);
    // In a Ukrainian sentence a name Ukraine and Russia share is Ukraine's: Lyman, Donetsk
    // region, not Liman, Astrakhan.
    let found = geoparse(world(), "Бої тривають біля Сіверська і Лимана.");
    let admin1: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert_eq!(
        admin1,
        [Some("UA.05"), Some("UA.05")],
        "{:?}",
        pinned(&found)
    );
    // A country declined before a person's name is what the office is of, and no given
    // name: "the president of France Emmanuel Macron" in Paris, not a Ukrainian village once
    // called Paryzh; a sea declined in both words is the sea.
    let found = geoparse(
        world(),
        "Президент України провів переговори з президентом Франції Еммануелем Макроном у \
         Парижі. Дрони летіли над акваторією Чорного моря.",
    );
    let got: Vec<(&str, &str)> = found
        .places
        .iter()
        .map(|p| (p.country.as_str(), p.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("UA", "country"),
            ("FR", "country"),
            ("FR", "place"),
            ("", "sea")
        ],
        "{:?}",
        pinned(&found)
    );
    let found = geoparse(world(), "Сбиты над акваторией Черного моря.");
    assert_eq!(found.places[0].kind, "sea", "{:?}", pinned(&found));
    // Each name of a declined list of regions is its region, the first too.
    let found = geoparse(
        world(),
        "Дроны сбиты над Белгородской, Курской и Брянской областями.",
    );
    let regions: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert_eq!(regions, [Some("RU.09"), Some("RU.41"), Some("RU.10")]);
    let found = geoparse(
        world(),
        "Беспилотники сбиты над Московской, Тульской и Калужской областями.",
    );
    let regions: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert_eq!(regions, [Some("RU.47"), Some("RU.76"), Some("RU.25")]);
    assert!(found.places.iter().all(|p| p.kind == "admin1"));
    // The country whose army acts is who acts, not where: the town it took is pinned.
    let found = geoparse(world(), "Армия России заняла Часов Яр.");
    assert_eq!(
        places_named(&found, "Часов Яр")[0].admin1.as_deref(),
        Some("UA.05"),
        "{:?}",
        pinned(&found)
    );
}

#[test]
fn capitals_listed_together_speak_for_their_governments() {
    // Not the Washington near Sunderland, which London's England would otherwise favour.
    let found = geoparse(world(), "Talks in Washington and London continued.");
    let countries: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(countries, ["US", "GB"], "{:?}", pinned(&found));
    // In either order: a neighbour in the list and in the sentence is one neighbour, not two
    // (the Washington in West Sussex lies 70 km from London).
    let found = geoparse(world(), "Officials in London and Washington agreed.");
    let countries: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(countries, ["GB", "US"], "{:?}", pinned(&found));
    // Capitals named in one sentence, listed or not, speak for their governments too.
    let found = geoparse(
        world(),
        "Moscow accused London and Paris of prolonging the war; the two leaders were in \
         Washington.",
    );
    let countries: Vec<&str> = found.places.iter().map(|p| p.country.as_str()).collect();
    assert_eq!(countries, ["RU", "GB", "FR", "US"], "{:?}", pinned(&found));
    // A town listed with towns is still the local one.
    let found = geoparse(
        world(),
        "Floods hit Washington and Sunderland in Tyne and Wear.",
    );
    assert_eq!(found.places[0].country, "GB");
}

#[test]
fn a_sentence_without_capitals_is_read_as_a_headline() {
    let _cases = Cases;
    // A chat message or a careless paste: the names that are no ordinary words are names.
    pins(
        "drones hit kharkiv and sumy last night, officials said",
        &["kharkiv", "sumy"],
    );
    pins(
        "explosions were heard in the hague and velyka novosilka",
        &["the hague", "velyka novosilka"],
    );
    // Ordinary words stay words, as in a headline ("Nice", "Turkey" are places only when
    // written so).
    pins("we ate turkey and drank wine in nice", &[]);
}

#[test]
fn datelines_and_headlines() {
    let _cases = Cases;
    let found = geoparse(world(), "KYIV, Ukraine (AP) — Air raid sirens sounded.");
    assert_eq!(pinned(&found), ["KYIV", "Ukraine"]);
    assert_eq!(found.places[0].geonameid, Some(703448));
    pins("Drone Strike Hits Oil Depot Near Bryansk", &["Bryansk"]);
    // A dateline names a town, even before a person's name.
    let found = geoparse(
        world(),
        "(NEW YORK) — Police officers responded.\nWASHINGTON Barack Obama pardoned a turkey.",
    );
    assert_eq!(pinned(&found), ["NEW YORK", "WASHINGTON"]);
    assert_eq!(found.places[0].name, "New York City");
    assert_eq!(found.places[1].admin1.as_deref(), Some("US.DC"));
    // A dateline's city standing alone is one every reader knows: not the English town of
    // Washington, however British the story.
    let found = geoparse(
        world(),
        "WASHINGTON A former British spy who served in London and across England briefed \
         officials in Britain.",
    );
    assert_eq!(
        places_named(&found, "WASHINGTON")[0].admin1.as_deref(),
        Some("US.DC"),
        "{:?}",
        pinned(&found)
    );
    // Two datelines joined by a slash, before a sentence full of names (no headline).
    let found = geoparse(
        world(),
        "LONDON/WASHINGTON, Nov 25 (Reuters) - Britain and the United States agreed new \
         sanctions on Russian oil.",
    );
    assert_eq!(
        places_named(&found, "WASHINGTON")[0].admin1.as_deref(),
        Some("US.DC"),
        "{:?}",
        pinned(&found)
    );
}

#[test]
fn a_state_abbreviation_names_its_state_where_it_qualifies_a_place() {
    let _cases = Cases;
    // An American dateline: the abbreviation is the state, and it puts the town in it.
    let found = geoparse(
        world(),
        "PARIS, Mo. (AP) — A storm felled trees across the county.",
    );
    assert_eq!(pinned(&found), ["PARIS", "Mo"]);
    assert_eq!(found.places[0].admin1.as_deref(), Some("US.MO"));
    assert_eq!(found.places[1].kind, "admin1");
    // A town too small for the gazetteer is placed in the state its dateline names, marked
    // approximate, not at a namesake elsewhere.
    placed_in_region(
        "HOLLIDAY, Mo. — A man was arrested after a crash.",
        "HOLLIDAY",
        "US.MO",
    );
    let found = geoparse(world(), "The fire began near Fresno, Calif., on Sunday.");
    assert_eq!(pinned(&found), ["Fresno", "Calif"]);
    assert_eq!(found.places[1].admin1.as_deref(), Some("US.CA"));
    // So is a village placed in a region named with a direction before it.
    placed_in_region(
        "Drones hit Kostiantynivka in northern Sumy region overnight.",
        "Kostiantynivka",
        "UA.21",
    );
    // Initials also stand alone, but not after a year nor before a name.
    pins("Wildfires spread in B.C. this week.", &["B.C"]);
    pins("The temple dates from 500 B.C. and was restored.", &[]);
    // Without its full stop, or not beside a place, the word is only a word.
    pins("Ill winds blew. We heard Mass. Then we went home.", &[]);
    // "Washington, D.C." is the capital, one place.
    let found = geoparse(
        world(),
        "She flew from Seattle to Washington, D.C., on Monday.",
    );
    assert_eq!(pinned(&found), ["Seattle", "Washington, D.C"]);
    assert_eq!(found.places[1].admin1.as_deref(), Some("US.DC"));
}

#[test]
fn a_place_the_gazetteer_lacks_is_placed_at_the_region_or_country_the_text_puts_it_in() {
    // The nearer of two containers holds it: Sumy region, not Ukraine, and never Donetsk
    // region's Kostiantynivka.
    placed_in_region(
        "Drones hit Kostiantynivka in Ukraine's Sumy region overnight.",
        "Kostiantynivka",
        "UA.21",
    );
    // Put in its region or its country by apposition.
    placed_in_region(
        "Strikes hit Kostiantynivka, Sumy region, overnight.",
        "Kostiantynivka",
        "UA.21",
    );
    let found = geoparse(world(), "Fighting broke out in Tina, Sudan, on Monday.");
    let tina = places_named(&found, "Tina");
    assert!(tina[0].approximate, "{:?}", tina[0]);
    assert_eq!(tina[0].country, "SD");
    // But a place the text puts in a country whose bounds hold it is that place: written
    // before South Sudan was, or in Moscow's words.
    let found = geoparse(world(), "Fighting broke out in Kodok, Sudan, in 2010.");
    let kodok = places_named(&found, "Kodok");
    assert_eq!(
        (kodok[0].country.as_str(), kodok[0].approximate),
        ("SS", false)
    );
    let found = geoparse(world(), "Blasts shook Sevastopol, Russia, on Sunday.");
    let sevastopol = places_named(&found, "Sevastopol");
    assert_eq!(
        (sevastopol[0].admin1.as_deref(), sevastopol[0].approximate),
        (Some("UA.20"), false)
    );
    // A place the gazetteer has there stays itself.
    let found = geoparse(world(), "Drones hit Pokrovsk, Donetsk region, and Sumy.");
    let pokrovsk = places_named(&found, "Pokrovsk");
    assert!(!pokrovsk[0].approximate);
    assert_eq!(pokrovsk[0].admin1.as_deref(), Some("UA.05"));
    // A notable city before a region is a list, not a town the gazetteer lacks.
    let found = geoparse(world(), "Drones struck Kharkiv, Sumy region, overnight.");
    let kharkiv = places_named(&found, "Kharkiv");
    assert_eq!(
        (kharkiv[0].admin1.as_deref(), kharkiv[0].approximate),
        (Some("UA.07"), false)
    );
    // A list is no apposition, nor is a clause that follows a comma.
    let found = geoparse(world(), "Protests spread to Tel Aviv, Lebanon and Syria.");
    let tel_aviv = places_named(&found, "Tel Aviv");
    assert_eq!(
        (tel_aviv[0].country.as_str(), tel_aviv[0].approximate),
        ("IL", false)
    );
    let found = geoparse(world(), "The fighting near Sirte, the US said, had eased.");
    let sirte = places_named(&found, "Sirte");
    assert_eq!(
        (sirte[0].country.as_str(), sirte[0].approximate),
        ("LY", false)
    );
    // A place "near Y" with no namesake anywhere near Y is placed in Y's region: the
    // abandoned Pripyat is no village of that name in Volyn.
    placed_in_region(
        "Visitors toured the ruins of Pripyat near Chernobyl.",
        "Pripyat",
        "UA.13",
    );
    let found = geoparse(world(), "Russian troops attacked Selydove near Pokrovsk.");
    let selydove = places_named(&found, "Selydove");
    assert!(!selydove[0].approximate);
    // So is every place of a list said to lie there ("both", "all"), even where the place
    // they lie by is a name of several villages: Ternove is no Ternovo in the Carpathians.
    placed_in_region(
        "Russian forces attacked toward Ternove and Berezove (both east of Novopavlivka).",
        "Ternove",
        "UA.04",
    );
    placed_in_region(
        "Ukrainian forces recaptured positions in Shakhove and Vilne (both northeast of \
         Dobropillya).",
        "Vilne",
        "UA.05",
    );
    // And that namesake is no evidence of where its neighbours are: not one of these villages
    // goes to the Carpathians with it.
    let found = geoparse(
        world(),
        "Russian forces attacked in the Novopavlivka direction near Novoserhiivka, Ivanivka \
         and Filiia (all southeast of Novopavlivka), and toward Ternove and Berezove (both \
         east of Novopavlivka).",
    );
    let regions: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert!(
        regions.iter().all(|&r| r == Some("UA.04")),
        "{regions:?} {:?}",
        pinned(&found)
    );
    // A village listed after a village, its only namesakes far from it, is one the gazetteer
    // lacks, among its neighbours: not the Zatyshshia by Odesa, nor the Hlyboke there.
    for (text, surface, region) in [
        (
            "Fighting continued in the Hulyaipole direction near Uspenivka, Poltavka and \
             Zatyshshia.",
            "Zatyshshia",
            "UA.26",
        ),
        (
            "North of Kharkiv, Russian forces attacked Lyptsi and Hlyboke.",
            "Hlyboke",
            "UA.07",
        ),
    ] {
        placed_in_region(text, surface, region);
    }
    // But a list that runs along a front is no list of neighbours: Robotyne, far from
    // Svatove, is near the next of the list, and Krynky near Robotyne.
    let found = geoparse(
        world(),
        "Russian forces took Avdiivka, Kreminna, Svatove, Robotyne, Krynky, Marinka and \
         Velyka Novosilka.",
    );
    for (surface, region) in [("Robotyne", "UA.26"), ("Krynky", "UA.08")] {
        let place = places_named(&found, surface);
        assert_eq!(
            (place[0].admin1.as_deref(), place[0].approximate),
            (Some(region), false),
            "{surface}"
        );
    }
    // A region the list's last place lies in holds the village before it too, not a
    // namesake elsewhere (a Kozinka is read in Rivne oblast, across the border) ...
    for (text, surface, region) in [
        (
            "Russian forces repelled attacks near Kozinka and Demidovka in Belgorod Oblast.",
            "Kozinka",
            "RU.09",
        ),
        (
            "Russian troops took Uspenivka and Novoivanivka in Dnipropetrovsk region.",
            "Uspenivka",
            "UA.04",
        ),
    ] {
        let found = geoparse(world(), text);
        assert_eq!(
            places_named(&found, surface)[0].admin1.as_deref(),
            Some(region),
            "{text}"
        );
    }
    // And a town of its own size is itself: Yeysk, far from Morozovsk, is the port town.
    let found = geoparse(
        world(),
        "An airfield at Yeysk and the Morozovsk air base in Rostov region were hit.",
    );
    let yeysk = places_named(&found, "Yeysk");
    assert_eq!(
        (yeysk[0].admin1.as_deref(), yeysk[0].approximate),
        (Some("RU.38"), false)
    );
    // So is one listed before a village surely placed; and a front's town is not where the
    // fighting near its villages is ("the Orikhiv direction near Stepove": Orikhiv is no
    // village by Stepove, so no village by a Stepove near Mykolaiv either).
    let found = geoparse(
        world(),
        "Russian forces attacked in the Velykomykhailivka direction near Andriivka, Sosnivka \
         and Vorone, and in the Orikhiv direction near Stepove and Mala Tokmachka.",
    );
    // (Sosnivka, on the Velykomykhailivka front, in that town's Dnipropetrovsk oblast.)
    for (surface, region) in [
        ("Orikhiv", "UA.26"),
        ("Stepove", "UA.26"),
        ("Mala Tokmachka", "UA.26"),
        ("Sosnivka", "UA.04"),
    ] {
        let place = places_named(&found, surface);
        assert_eq!(
            place[0].admin1.as_deref(),
            Some(region),
            "{surface}: {:?}",
            pinned(&found)
        );
    }
    assert!(places_named(&found, "Stepove")[0].approximate);
    // The village listed before may itself be placed at its region: the one before it
    // speaks (the General Staff's lists, in Ukrainian).
    let found = geoparse(
        world(),
        "На Гуляйпільському напрямку відбито 17 атак у районах Успенівка, Полтавка, Затишшя та \
         Рівнопілля.",
    );
    let regions: Vec<Option<&str>> = found.places.iter().map(|p| p.admin1.as_deref()).collect();
    assert!(
        regions.iter().all(|&r| r == Some("UA.26")),
        "{regions:?} {:?}",
        pinned(&found)
    );
    // A village on a front the sentence names lies in the front town's region, not at a
    // namesake far off (a town of 16,000 in Kirovohrad oblast; a Pishchane in Poltava
    // oblast), though it is no neighbour's list-mate; the nearest front before it speaks.
    placed_in_region(
        "На Покровському напрямку ворог атакував у районах Мирноград, Родинське, Удачне, \
         Новоукраїнка та Котлине.",
        "Новоукраїнка",
        "UA.05",
    );
    placed_in_region(
        "На Куп'янському напрямку ворог атакував у бік Петропавлівки та Піщаного.",
        "Піщаного",
        "UA.07",
    );
    placed_in_region(
        "Russian forces attacked in the Pokrovsk direction near Myrnohrad, and in the \
         Velykyi Burluk direction near Dvorichanske and Milove.",
        "Milove",
        "UA.07",
    );
    // Villages after a region their sentence names, in a story about that region's country,
    // are that region's, not namesakes in a country the story is not about (Plekhiv and
    // Martynivka in Poltava oblast); but a place of a country the story is about stays
    // itself (Pahalgam, after Punjab province).
    placed_in_region(
        "Troops from North Korea were deployed to Russia's Kursk region, and some were killed \
         near the villages of Plekhovo and Martynovka. Kim Jong Un visited Vladivostok.",
        "Plekhovo",
        "RU.41",
    );
    let found = geoparse(
        world(),
        "India struck Bahawalpur and Muridke in Pakistan's Punjab province, two weeks after \
         gunmen killed 26 tourists near Pahalgam.",
    );
    let pahalgam = places_named(&found, "Pahalgam");
    assert_eq!(
        (pahalgam[0].country.as_str(), pahalgam[0].approximate),
        ("IN", false)
    );
    // A city's district the gazetteer lacks, named by its possessive, is placed there, not
    // at a district of that name elsewhere (Kyiv's Dniprovskyi).
    placed_in_region(
        "A Russian drone hit a minibus in Kherson's Dniprovskyi district.",
        "Dniprovskyi district",
        "UA.08",
    );
    // At the city, not at the region the city's name also names.
    let found = geoparse(world(), "A guided bomb hit Kharkiv's Kyivskyi district.");
    let (city, district) = (
        &places_named(&found, "Kharkiv")[0],
        &places_named(&found, "Kyivskyi district")[0],
    );
    assert!(district.approximate);
    assert_eq!((district.lon, district.lat), (city.lon, city.lat));
    // So too by the city's genitive after it, in Ukrainian and Russian (not at the region of
    // Kharkiv, nor at Poltava's Kyivskyi district).
    let found = geoparse(world(), "Вибух пролунав у Київському районі Харкова.");
    let (city, district) = (
        &places_named(&found, "Харкова")[0],
        &places_named(&found, "Київському районі")[0],
    );
    assert!(district.approximate, "{district:?}");
    assert_eq!((district.lon, district.lat), (city.lon, city.lat));
    // And in the city its sentence is about, named as districts with none of their namesakes
    // near it.
    let found = geoparse(
        world(),
        "У Харкові вибухи лунали в Салтівському та Київському районах.",
    );
    let (city, district) = (
        &places_named(&found, "Харкові")[0],
        &places_named(&found, "Київському районах")[0],
    );
    assert!(district.approximate, "{district:?}");
    assert_eq!((district.lon, district.lat), (city.lon, city.lat));
    let found = geoparse(world(), "The crews work out of London's Heathrow.");
    let heathrow = places_named(&found, "Heathrow");
    assert_eq!(
        (heathrow[0].country.as_str(), heathrow[0].approximate),
        ("GB", true)
    );
    // A bearing in brackets says where it lies as well as one after a comma.
    placed_in_region(
        "Russian forces seized Kamyshevakha (southwest of Pokrovsk), a milblogger claimed.",
        "Kamyshevakha",
        "UA.05",
    );
    // A namesake in that place's region is the place, however far from it.
    let found = geoparse(
        world(),
        "Jihadists seized a base at Tessalit, north of Kidal.",
    );
    let tessalit = places_named(&found, "Tessalit");
    assert!(!tessalit[0].approximate, "{:?}", tessalit[0]);
    // Only a minor place said outright to be near another: not a city, nor a place whose
    // "near" belongs to other words.
    for (text, surface, country) in [
        ("Drones from Kursk struck near Sumy.", "Kursk", "RU"),
        (
            "Israeli jets struck the Natanz enrichment site and targets around Tehran.",
            "Natanz",
            "IR",
        ),
        (
            "Missiles struck Muridke early on Wednesday, two weeks after gunmen killed 26 \
             tourists near Pahalgam.",
            "Muridke",
            "PK",
        ),
        (
            "Strikes hit Kharkov and Volchansk, as well as near Krasny Liman.",
            "Volchansk",
            "UA",
        ),
    ] {
        let found = geoparse(world(), text);
        let place = places_named(&found, surface);
        assert_eq!(
            (place[0].country.as_str(), place[0].approximate),
            (country, false),
            "{surface}"
        );
    }
}

#[test]
fn a_name_with_its_generic_word_abbreviated_is_still_its_main_name() {
    let _cases = Cases;
    // "St. Petersburg" is how English writes Saint Petersburg, not only the Florida city's name.
    let found = geoparse(world(), "Talks in St. Petersburg went on for days.");
    let spb = places_named(&found, "St. Petersburg");
    assert_eq!(spb[0].country, "RU", "{:?}", pinned(&found));
    // Two capitalised words hyphened are the name written as one ("Petion-Ville" for
    // Pétionville), but not inside a longer compound ("Mar-a-Lago" is no Mara in Tanzania).
    pins(
        "Residents fled Petion-Ville and Kenscoff; Mar-a-Lago stayed open.",
        &["Petion-Ville", "Kenscoff"],
    );
}

#[test]
fn arabic_names_without_their_article_and_the_curated_places_of_war_reporting() {
    let found = geoparse(
        world(),
        "Houthi missiles were fired from Hodeidah, and Kurdish officials in Qamishli \
         condemned the raid. Rebels shelled Damascus from Eastern Ghouta. Drones struck \
         Dahiyeh in Beirut. Ukraine retook Snake Island and later landed on the Kinburn Spit; \
         marines held Krynky in the Kherson region. Hungary courted voters in Transcarpathia.",
    );
    let one = |surface: &str| {
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        named[0]
    };
    assert_eq!(one("Hodeidah").geonameid, Some(79415), "Al Ḩudaydah, Yemen");
    assert_eq!(one("Qamishli").country, "SY");
    for (surface, country) in [
        ("Eastern Ghouta", "SY"),
        ("Dahiyeh", "LB"),
        ("Snake Island", "UA"),
        ("Kinburn Spit", "UA"),
    ] {
        let place = one(surface);
        assert_eq!(
            (place.kind.as_str(), place.country.as_str()),
            ("region", country)
        );
    }
    let krynky = one("Krynky");
    assert_eq!(
        (krynky.country.as_str(), krynky.admin1.as_deref()),
        ("UA", Some("UA.08"))
    );
    assert_eq!(one("Transcarpathia").admin1.as_deref(), Some("UA.25"));
}

#[test]
fn the_places_of_war_reporting_that_cities500_lacks_are_curated() {
    let found = geoparse(
        world(),
        "Israeli strikes on the Maghazi camp killed 12 people. Gunmen overran Kfar Aza and \
         Nir Oz. Israeli troops entered Khiam. US bombers struck Fordow. Pakistan closed the \
         Torkham crossing. Thousands fled El Fasher for Tawila. Fighting broke out in Nasir \
         and Renk. M23 rebels took Minova and held Bunagana. Turkish-backed fighters took Tal \
         Rifaat. US strikes hit the Ras Isa fuel port. Aid entered through Kerem Shalom to \
         families in Mawasi. The Arakan Army took Maungdaw and neared Kyaukphyu. Shells fell on \
         Akhnoor. Troops withdrew from Novoekonomichne.",
    );
    for (surface, country) in [
        ("Maghazi camp", "PS"),
        ("Kfar Aza", "IL"),
        ("Nir Oz", "IL"),
        ("Khiam", "LB"),
        ("Fordow", "IR"),
        ("Torkham", "PK"),
        ("Tawila", "SD"),
        ("Nasir", "SS"),
        ("Renk", "SS"),
        ("Minova", "CD"),
        ("Bunagana", "CD"),
        ("Tal Rifaat", "SY"),
        ("Ras Isa", "YE"),
        ("Kerem Shalom", "IL"),
        ("Mawasi", "PS"),
        ("Maungdaw", "MM"),
        ("Kyaukphyu", "MM"),
        ("Akhnoor", "IN"),
        ("Novoekonomichne", "UA"),
    ] {
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        assert_eq!(
            (named[0].country.as_str(), named[0].approximate),
            (country, false),
            "{surface}"
        );
    }
    // A river's bounds hold no city: Kyiv in the same text does not make Dnipro the river.
    let found = geoparse(
        world(),
        "The Oreshnik missile struck Dnipro, Putin said, warning of strikes on Kyiv.",
    );
    let dnipro = places_named(&found, "Dnipro");
    assert_eq!(dnipro[0].kind, "place", "{:?}", pinned(&found));
    assert!(!dnipro[0].doubtful(), "{}", dnipro[0].confidence);
    // A country, not its province of the same name; the massif, not a Virginian town.
    let found = geoparse(
        world(),
        "TAIPEI, Taiwan (AP) — China sent 30 aircraft around Taiwan. Israel kept troops \
         on Mount Hermon in southern Syria.",
    );
    for place in places_named(&found, "Taiwan") {
        assert_eq!(
            (place.kind.as_str(), place.country.as_str()),
            ("country", "TW")
        );
    }
    assert_eq!(places_named(&found, "Mount Hermon")[0].country, "SY");
    let found = geoparse(world(), "Israel plans to annex the Jordan Valley.");
    assert_eq!(places_named(&found, "Jordan Valley")[0].kind, "region");
    // The island, beside Venezuela; the towns of that name where the text puts them.
    let found = geoparse(
        world(),
        "The US struck a boat off Venezuela's coast near Trinidad, Caracas said.",
    );
    assert_eq!(places_named(&found, "Trinidad")[0].country, "TT");
    let found = geoparse(world(), "He grew up in Trinidad, Colorado.");
    assert_eq!(places_named(&found, "Trinidad")[0].country, "US");
    // "Congo" alone is the Democratic Republic, as news agencies write it; Brazzaville's
    // is the Congo Republic.
    let found = geoparse(
        world(),
        "Fighting near Goma in eastern Congo displaced thousands.",
    );
    assert_eq!(places_named(&found, "Congo")[0].country, "CD");
    let found = geoparse(
        world(),
        "Talks opened in Brazzaville, Congo Republic, on Monday.",
    );
    assert_eq!(places_named(&found, "Congo Republic")[0].country, "CG");
}

#[test]
fn the_english_spellings_of_arabic_and_hebrew_names_are_their_main_names() {
    // Each is an alias in GeoNames (Dayr al Balaḩ, Ḩamāh, Ar Raqqah, Dar‘ā, Al Qunayţirah,
    // Sa'dah, Qiryat Shmona, Zalinjay), and no text names their countries: an alias of a
    // minor place abroad would be dropped as doubtful, the English spelling of its name is not.
    for (text, surface, country) in [
        (
            "Israeli strikes hit Deir al-Balah and Gaza City overnight.",
            "Deir al-Balah",
            "PS",
        ),
        (
            "Israeli strikes hit Deir al-Balah and Gaza City overnight.",
            "Gaza City",
            "PS",
        ),
        ("Rebels advanced from Hama toward Raqqa.", "Hama", "SY"),
        ("Rebels advanced from Hama toward Raqqa.", "Raqqa", "SY"),
        (
            "Government forces shelled Daraa and Quneitra.",
            "Daraa",
            "SY",
        ),
        (
            "Government forces shelled Daraa and Quneitra.",
            "Quneitra",
            "SY",
        ),
        ("US jets bombed Saada again.", "Saada", "YE"),
        (
            "Hezbollah fired rockets at Kiryat Shmona.",
            "Kiryat Shmona",
            "IL",
        ),
        ("The RSF took Zalingei last week.", "Zalingei", "SD"),
    ] {
        let found = geoparse(world(), text);
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        assert_eq!(named[0].country, country, "{surface}");
    }
    // Not a spelling of another name: "Odesa" is no Odessa, Texas.
    let found = geoparse(world(), "Drones hit Odesa overnight.");
    let odesa = places_named(&found, "Odesa");
    assert_eq!(odesa[0].country, "UA");
    assert!(odesa[0].confidence > 0.9, "{}", odesa[0].confidence);
}

#[test]
fn a_region_named_after_its_city_answers_to_the_city_s_other_names() {
    // Russian spellings, as Moscow's statements (and older reporting) write them.
    let found = geoparse(
        world(),
        "Russian forces attacked villages in the Dnepropetrovsk region and the Zaporozhye \
         region, and shelling hit the Kharkov region. Drones hit Dnipro.",
    );
    for (surface, admin1) in [
        ("Dnepropetrovsk region", "UA.04"),
        ("Zaporozhye region", "UA.26"),
        ("Kharkov region", "UA.07"),
    ] {
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        assert_eq!(
            (named[0].kind.as_str(), named[0].admin1.as_deref()),
            ("admin1", Some(admin1))
        );
    }
    // The city itself stays the city.
    assert_eq!(places_named(&found, "Dnipro")[0].kind, "place");
}

#[test]
fn an_arabic_article_spelt_another_way_is_the_same_name() {
    // GeoNames files "Deir el-Balah" and "Deir ez-Zor"; news writes "al-". A romanisation of
    // the main name is the main name, not an alias to doubt in a story about somewhere else.
    let found = geoparse(
        world(),
        "Israeli strikes killed 14 people in Gaza City. Later, shelling hit Deir al-Zor, \
         and a drone struck a tent camp in Deir al-Balah.",
    );
    let one = |surface: &str| {
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        named[0].geonameid
    };
    assert_eq!(one("Deir al-Zor"), Some(170794), "Deir ez-Zor, Syria");
    assert_eq!(
        one("Deir al-Balah"),
        Some(281141),
        "the city, not its governorate"
    );
}
#[test]
fn counties_and_regions_of_england_that_are_no_longer_administrative_areas() {
    // Yorkshire is not Yorkshire, Virginia; Berkshire not the county in Massachusetts.
    let found = geoparse(
        world(),
        "Floods closed roads across Yorkshire and East Anglia, and volunteers drove patients \
         to hospital in Reading, Berkshire, and in Northamptonshire.",
    );
    for surface in ["Yorkshire", "East Anglia", "Berkshire", "Northamptonshire"] {
        let named = places_named(&found, surface);
        assert_eq!(named.len(), 1, "{surface} among {:?}", pinned(&found));
        assert_eq!(named[0].country, "GB", "{surface}");
    }
}

#[test]
fn former_states_and_the_common_names_of_regions() {
    let found = geoparse(
        world(),
        "He grew up in the Soviet Union, studied in East Germany and fished off Newfoundland.",
    );
    assert_eq!(
        pinned(&found),
        ["Soviet Union", "East Germany", "Newfoundland"]
    );
    assert_eq!(places_named(&found, "East Germany")[0].country, "DE");
    assert_eq!(
        places_named(&found, "Newfoundland")[0].admin1.as_deref(),
        Some("CA.05")
    );
    // The great regions of Russia are regions, not the villages of their names ("Siberia",
    // Chiapas).
    let found = geoparse(
        world(),
        "Drones hit an air base in Irkutsk, in Siberia, and a plant in the Urals.",
    );
    for surface in ["Siberia", "Urals"] {
        let region = places_named(&found, surface);
        assert_eq!(
            (region[0].kind.as_str(), region[0].country.as_str()),
            ("region", "RU"),
            "{surface}: {:?}",
            pinned(&found)
        );
    }
    // Israel's name for the West Bank is the West Bank, no pair of villages in Papua New
    // Guinea.
    let found = geoparse(
        world(),
        "Israel's army said it arrested 30 people across Judea and Samaria.",
    );
    assert_eq!(
        found
            .places
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Israel", "West Bank"]
    );
    // A supplement's alias names a GeoNames place by its id: "Nikolayev", as Russian agencies
    // spell Mykolaiv in English, is the city, not the namesake in Lviv oblast GeoNames gives
    // the spelling to.
    let found = geoparse(world(), "Strikes hit energy facilities in Nikolayev.");
    assert_eq!(found.places[0].geonameid, Some(700569));
    // Russia's names, and their abbreviations, for the oblasts it claims.
    let found = geoparse(
        world(),
        "Russian troops took Ugledar in the Donetsk People's Republic, and shelling went on in \
         the LPR.",
    );
    for (surface, admin1) in [("Donetsk People's Republic", "UA.05"), ("LPR", "UA.14")] {
        let area = places_named(&found, surface);
        assert_eq!(area[0].admin1.as_deref(), Some(admin1), "{surface}");
    }
    // Islands a state holds off another's coast: Taiwan's Matsu, not Matsue, Japan.
    let found = geoparse(
        world(),
        "China sent warships near Taiwan's Kinmen and Matsu islands.",
    );
    for surface in ["Kinmen", "Matsu islands"] {
        assert_eq!(places_named(&found, surface)[0].country, "TW", "{surface}");
    }
    // Somalia's regions as the news spells them: not Shabelle, a district of Ethiopia.
    let found = geoparse(world(), "Al-Shabaab attacked a base in Lower Shabelle.");
    assert_eq!(pinned(&found), ["Lower Shabelle"]);
    assert_eq!(found.places[0].admin1.as_deref(), Some("SO.14"));
}

#[test]
fn georgia_follows_its_neighbours() {
    let tbilisi = geoparse(world(), "Protests spread from Tbilisi across Georgia.");
    assert_eq!(places_named(&tbilisi, "Georgia")[0].kind, "country");
    let atlanta = geoparse(world(), "Storms hit Atlanta and much of Georgia.");
    assert_eq!(
        places_named(&atlanta, "Georgia")[0].admin1.as_deref(),
        Some("US.GA")
    );
    // A governor is a state's, not a country's.
    let governor = geoparse(world(), "The governor of Georgia flew back from Brussels.");
    assert_eq!(
        places_named(&governor, "Georgia")[0].admin1.as_deref(),
        Some("US.GA")
    );
}

#[test]
fn a_state_is_the_region_of_the_places_around_it() {
    // The dateline and a city put the story in Washington state; the capital, named once in
    // full, does not take the state's other mentions.
    let text = "CAMP MURRAY, Wash. — The team trained in Seattle. Trips to Florida and \
                Washington, D.C., kept it busy. Its focus is at home in Washington.";
    let found = geoparse(world(), text);
    // (The capital may be read as the city or as its district, alike in a list of states.)
    let regions: Vec<(&str, Option<&str>)> = found
        .places
        .iter()
        .flat_map(|p| {
            p.mentions
                .iter()
                .map(move |m| (m.text(), p.admin1.as_deref()))
        })
        .filter(|(text, _)| text.starts_with("Wash"))
        .collect();
    assert_eq!(
        regions,
        [
            ("Wash", Some("US.WA")),
            ("Washington", Some("US.WA")),
            ("Washington, D.C", Some("US.DC"))
        ],
        "{:?}",
        pinned(&found)
    );
}

#[test]
fn a_list_names_places_of_a_kind() {
    // A plural word for areas after a list: every place of it is such an area.
    let found = geoparse(
        world(),
        "Air defences downed drones over the Bryansk, Kursk and Belgorod regions, and Russia \
         claims the Donetsk and Luhansk regions.",
    );
    for (surface, admin1) in [
        ("Bryansk", "RU.10"),
        ("Kursk", "RU.41"),
        ("Belgorod", "RU.09"),
        ("Donetsk", "UA.05"),
        ("Luhansk", "UA.14"),
    ] {
        let area = places_named(&found, surface);
        assert_eq!(
            (area[0].kind.as_str(), area[0].admin1.as_deref()),
            ("admin1", Some(admin1)),
            "{surface}"
        );
    }
    // Even where a member alone names nothing, only as that area: the Darnytskyi district.
    let found = geoparse(
        world(),
        "Debris fell in the Darnytskyi and Dniprovskyi districts of Kyiv.",
    );
    let kinds: Vec<(&str, &str)> = found
        .mentions()
        .into_iter()
        .map(|(p, m)| (m.text(), p.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Darnytskyi", "admin2"),
            ("Dniprovskyi", "admin2"),
            ("Kyiv", "place")
        ]
    );
    // Cities with cities: New York the city, and Washington no village of New York state.
    let found = geoparse(
        world(),
        "After stops in Washington, New York and Boston, the prince flew west.",
    );
    assert_eq!(places_named(&found, "New York")[0].name, "New York City");
    assert_eq!(
        places_named(&found, "Washington")[0].admin1.as_deref(),
        Some("US.DC"),
        "{:?}",
        pinned(&found)
    );
    let found = geoparse(
        world(),
        "The firm has offices in Los Angeles, Miami, New York, and Detroit.",
    );
    assert_eq!(places_named(&found, "New York")[0].name, "New York City");
    // States with states.
    let found = geoparse(
        world(),
        "Jobs went to western states such as California or Washington.",
    );
    assert_eq!(places_named(&found, "Washington")[0].kind, "admin1");
    // A place put in its state, then another: the state still holds the first.
    let found = geoparse(world(), "Floods hit Lebanon, Tennessee and Nashville.");
    assert_eq!(
        places_named(&found, "Lebanon")[0].admin1.as_deref(),
        Some("US.TN"),
        "{:?}",
        pinned(&found)
    );
}

#[test]
fn an_office_says_which_place_it_is_of() {
    let found = geoparse(
        world(),
        "New York Gov. Andrew Cuomo and Florida Senator Marco Rubio met Kyiv Mayor Vitali Klitschko.",
    );
    let new_york = places_named(&found, "New York");
    assert_eq!(new_york[0].kind, "admin1", "{:?}", pinned(&found));
    assert_eq!(
        places_named(&found, "Florida")[0].admin1.as_deref(),
        Some("US.FL")
    );
    assert_eq!(places_named(&found, "Kyiv")[0].kind, "place");
}

#[test]
fn a_county_outweighs_a_village_of_its_name() {
    let found = geoparse(
        world(),
        "The season opens at Brands Hatch, Kent, then moves to Croft in Yorkshire.",
    );
    let kent = places_named(&found, "Kent");
    assert_eq!(kent[0].country, "GB", "{:?}", kent[0]);
}

#[test]
fn a_country_name_means_the_country_unless_the_text_says_otherwise() {
    // Heavy American context does not turn the country into a Kentucky town...
    let text = "US officials in Washington and Louisville, Kentucky, met Lebanon's prime minister.";
    let found = geoparse(world(), text);
    assert_eq!(
        places_named(&found, "Lebanon")[0].kind,
        "country",
        "{:?}",
        pinned(&found)
    );
    // ...but the text can say so, and later mentions of the name follow.
    let text = "Storms hit Lebanon, Tennessee, overnight. In Lebanon, crews cleared roads.";
    let found = geoparse(world(), text);
    let lebanon = places_named(&found, "Lebanon");
    assert_eq!(lebanon.len(), 1, "{:?}", pinned(&found));
    assert_eq!(lebanon[0].admin1.as_deref(), Some("US.TN"));
    assert_eq!(lebanon[0].mentions.len(), 2);
    // A list of countries is not one country inside another.
    let text = "The pact binds Mexico, the US and Canada.";
    let found = geoparse(world(), text);
    assert_eq!(
        places_named(&found, "Mexico")[0].kind,
        "country",
        "{:?}",
        pinned(&found)
    );
}

#[test]
fn a_famous_city_s_confidence_is_told_against_its_strongest_rival() {
    // Geneva, Switzerland, and a dozen American towns: the city's confidence is its chance
    // against the likeliest of them, not its share of them all (that was 28 %, and the map
    // showed it as doubtful).
    let found = geoparse(
        world(),
        "Ukrainian and Russian delegations resumed talks in Geneva.",
    );
    let geneva = &found.places[0];
    assert_eq!(geneva.country, "CH");
    assert!(geneva.confidence > 0.6, "{}", geneva.confidence);
    assert!(!geneva.doubtful());
    // Each alternative is told against the chosen place: the runner-up and the chosen place
    // make a whole.
    let runner_up = &geneva.alternatives[0];
    assert!((runner_up.probability + geneva.confidence - 1.0).abs() < 1e-9);
    // A country named outright is told against its other readings, not against the towns of
    // its name the text did not ask for: "Iraq" is an alias of Arak, Iran, which a text about
    // Iran favours, but Iraq is not doubtful.
    let found = geoparse(
        world(),
        "Iran-backed Houthis and Tehran-aligned militias in Iraq vowed revenge.",
    );
    let iraq = places_named(&found, "Iraq");
    assert_eq!(iraq[0].kind, "country");
    assert!(!iraq[0].doubtful(), "{}", iraq[0].confidence);
    // Two entries for one town are no rivals: GeoNames has Geneina as "El Geneina Fort" and
    // "Al-Junaynah", a few kilometres apart.
    let found = geoparse(world(), "Thousands fled Geneina in West Darfur.");
    let geneina = places_named(&found, "Geneina");
    assert!(!geneina[0].doubtful(), "{}", geneina[0].confidence);
}

#[test]
fn each_mention_is_resolved_in_its_own_context() {
    let text = "Shelling hit Kostiantynivka near Kramatorsk. Another Kostiantynivka, near Melitopol, was quiet.";
    let found = geoparse(world(), text);
    let k = places_named(&found, "Kostiantynivka");
    assert_eq!(k.len(), 2, "{:?}", pinned(&found));
    let admin1: Vec<Option<&str>> = k.iter().map(|p| p.admin1.as_deref()).collect();
    assert!(
        admin1.contains(&Some("UA.05")) && admin1.contains(&Some("UA.26")),
        "{admin1:?}"
    );
    // Every mention lists its next-best readings, with distances.
    assert!(k.iter().all(|p| !p.alternatives.is_empty()));
}

/// The scorer's rule (`shared/eval/score.py`): same GeoNames id, same admin1 for an admin1,
/// same country for a country, else within 161 km.
#[test]
fn a_name_said_again_is_no_evidence_of_what_it_means() {
    let _cases = Cases;
    // A local paper's London, said three times beside Canada, is London, Ontario: the other
    // mentions of "London" do not vote for the English capital.
    let found = geoparse(
        world(),
        "A London rally for the people of Aleppo thanked Canada for its help. \"We want \
         Canada to do more,\" a London imam said, and a London doctor said Canada must act.",
    );
    let london = places_named(&found, "London");
    assert_eq!(london.len(), 1, "{:?}", pinned(&found));
    assert_eq!(london[0].admin1.as_deref(), Some("CA.08"));
    // Still, a text that dwells on one town keeps it, whatever surname looks like a place.
    pins(
        "Shelling of Vovchansk continues. Residents of Vovchansk fled. Gomez said the town \
         was empty.",
        &["Vovchansk", "Vovchansk"],
    );
}

fn right(gold: &serde_json::Value, place: &Place) -> bool {
    if let Some(id) = gold["geonameid"].as_u64()
        && place.geonameid == Some(id as u32)
    {
        return true;
    }
    match gold["kind"].as_str() {
        Some("admin1") if place.admin1.as_deref() == gold["admin1"].as_str() => true,
        Some("country") => {
            place.kind == "country" && Some(place.country.as_str()) == gold["country"].as_str()
        }
        _ => {
            let (lat, lon) = (gold["lat"].as_f64().unwrap(), gold["lon"].as_f64().unwrap());
            conflict_mapper::geoparse::distance_km((lon, lat), (place.lon, place.lat)) <= 161.0
        }
    }
}

#[test]
fn the_conflict_dev_set_is_found_and_resolved() {
    let mut extras = Vec::new();
    for line in fixture("conflict_dev.jsonl").lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let found = geoparse(world(), text);
        let mentions = found.mentions();
        let mut used = vec![false; mentions.len()];
        for gold in doc["gold"].as_array().unwrap() {
            let (start, end) = (
                gold["start"].as_u64().unwrap() as usize,
                gold["end"].as_u64().unwrap() as usize,
            );
            let hit = mentions
                .iter()
                .position(|(_, m)| m.start < end && start < m.end);
            let Some(hit) = hit else {
                panic!("{}: missed {}", doc["id"], gold["surface"]);
            };
            used[hit] = true;
            assert!(
                right(gold, mentions[hit].0),
                "{}: {} resolved to {:?}",
                doc["id"],
                gold["surface"],
                mentions[hit].0.path
            );
        }
        extras.extend(
            mentions
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|((_, m), _)| m.text().to_string()),
        );
    }
    // The set leaves "Washington" in "met … in Washington on Tuesday" unannotated; it is pinned.
    assert!(extras.len() <= 1, "extras: {extras:?}");
}

#[test]
fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
    let long = "Київ ".repeat(5000);
    for text in [
        "",
        " ",
        "\u{0}\u{1}\u{2}",
        "'''---...",
        "U.S.",
        "U.",
        "Mr.",
        "КИЇВ Київ київ Kyiv's KYIV’S",
        "🇺🇦 Kyiv 🚀 Odesa",
        "e\u{301}Kyiv\u{301}",
        "Pokrovs'",
        "A.B.C.D.E.F.G.H.",
        long.as_str(),
    ] {
        let found = geoparse(world(), text);
        for (_, m) in found.mentions() {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(
                text.is_char_boundary(m.sentence_start) && text.is_char_boundary(m.sentence_end)
            );
        }
    }
}

#[test]
fn a_long_text_parsed_in_pieces_finds_what_the_whole_does() {
    use conflict_mapper::geoparse::{geoparse_piece, pieces};
    let text = fixture("frontline.txt").repeat(20);
    let whole = geoparse(world(), &text);
    let mut stepwise = Geoparse::default();
    let cut = pieces(&text, 2048);
    assert!(cut.len() > 5);
    for range in cut {
        stepwise.merge(geoparse_piece(world(), &text, range, Options::default()));
    }
    let spans = |g: &Geoparse| {
        let mut v: Vec<(usize, usize, Option<u32>)> = g
            .mentions()
            .iter()
            .map(|(p, m)| (m.start, m.end, p.geonameid))
            .collect();
        v.sort();
        v
    };
    let (a, b) = (spans(&whole), spans(&stepwise));
    // The pieces end at paragraph breaks, so every paragraph is read with its own sentences;
    // only context from far away can differ.
    let same = a.iter().filter(|x| b.contains(x)).count();
    assert!(
        same * 100 >= a.len() * 95,
        "{same} of {} mentions agree",
        a.len()
    );
    for (_, m) in stepwise.mentions() {
        assert_eq!(&text[m.start..m.end], m.text());
    }
}

#[test]
fn a_long_text_is_read_on_every_core_as_the_web_app_reads_it() {
    use conflict_mapper::geoparse::{PIECE, geoparse_piece, geoparse_text, pieces};
    let text = fixture("frontline.txt").repeat(150);
    let cut = pieces(&text, PIECE);
    assert!(cut.len() >= 4, "{} pieces", cut.len());
    // The web app: one piece after another, merged.
    let mut stepwise = Geoparse::default();
    for range in cut {
        stepwise.merge(geoparse_piece(world(), &text, range, Options::default()));
    }
    // The command-line tool: the same pieces on every core, merged in order; the pieces of a
    // core share what was learnt of their words, names and windows of anchors (the text
    // repeats, so every piece after the first reuses it).
    let at_once = geoparse_text(world(), &text, Options::default());
    assert_eq!(at_once, stepwise);
    assert!(at_once.mentions().len() > 150 * 10);
    // A short text is read whole.
    let short = fixture("frontline.txt");
    assert_eq!(
        geoparse_text(world(), &short, Options::default()),
        geoparse(world(), &short)
    );
}

#[test]
fn a_principal_subdivision_is_known_as_a_first_level_region_is() {
    let _cases = Cases;
    // England's counties are GeoNames' second-level regions, but no reader takes "Kent" for
    // Kent, Washington, nor "Devon" for a town in Alberta.
    let found = geoparse(
        world(),
        "Reform UK took control of councils in Kent, Lincolnshire and Durham. The \
         Conservatives lost ground from Devon to Northumberland.",
    );
    for county in ["Kent", "Lincolnshire", "Devon", "Northumberland"] {
        let place = places_named(&found, county);
        assert_eq!(
            (place[0].kind.as_str(), place[0].country.as_str()),
            ("admin2", "GB"),
            "{county}"
        );
    }
    // A ceremonial county GeoNames splits, and the seats of Britain's parliaments (Cheshire
    // had been Connecticut's, Westminster Massachusetts', Holyrood a village in Alberta).
    let found = geoparse(
        world(),
        "Labour lost in Cheshire. In Westminster, ministers played down the result, while in \
         Holyrood the SNP said Scotland would go its own way.",
    );
    assert!(
        found.places.iter().all(|p| p.country == "GB"),
        "{:?}",
        kinds_and_regions(&found)
    );
    assert_eq!(places_named(&found, "Holyrood")[0].name, "Edinburgh");
    // A city of its name is still the city ("Roma" is Rome, not its province).
    let found = geoparse(world(), "Protests spread from Roma to Milano.");
    assert_eq!(places_named(&found, "Roma")[0].kind, "place");
    // A settlement the gazetteer lacks in a story about elsewhere is no namesake abroad
    // (Shilo, in the West Bank, is no Shiloh in Pennsylvania).
    pins(
        "Settlers attacked Turmus Ayya, near Ramallah, after a killing near the settlement of \
         Shilo.",
        &["Turmus Ayya", "Ramallah"],
    );
    // And one bare of any tie to another place, in a story about elsewhere, is a word:
    // "Angus cattle" in Missouri.
    pins(
        "They sell their Angus cattle to customers all over Missouri.",
        &["Missouri"],
    );
}

#[test]
fn the_russian_style_spellings_of_ukrainian_cities_are_theirs() {
    // As Russian agencies and older reporting write them: not Odessa, Texas, the
    // Zaporozhye and Lugansk of Kazakhstan, nor Russia's Artemovsk and Krasnoarmeysk; and
    // not dropped as doubtful aliases (Kremenchug, Krivoy Rog).
    for (name, geonameid) in [
        ("Odessa", 698740),
        ("Zaporozhye", 687700),
        ("Lugansk", 702658),
        ("Artemovsk", 713174),
        ("Krasnoarmeysk", 704422),
        ("Kremenchug", 704147),
        ("Krivoy Rog", 703845),
    ] {
        let found = geoparse(
            world(),
            &format!("Russian forces struck {name} on Tuesday."),
        );
        assert_eq!(
            found.places.first().and_then(|p| p.geonameid),
            Some(geonameid),
            "{name}: {:?}",
            pinned(&found)
        );
    }
    // Texas keeps its own.
    let found = geoparse(world(), "Oil workers in Midland and Odessa went on strike.");
    assert_eq!(places_named(&found, "Odessa")[0].country, "US");
}

#[test]
fn the_rule_catalogue_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == conflict_mapper::geoparse::rules_markdown(),
        "docs/rules.md is not the catalogue of the rules as they are: \
         run `cargo run --release --bin geoparse -- --rules > docs/rules.md`"
    );
}

#[test]
fn a_world_city_keeps_its_sense_where_a_namesake_s_country_is_only_named() {
    let _cases = Cases;
    // A country or state named once is no evidence that a city known in every language is a
    // small namesake there.
    pins(
        "Officials from Texas and Ohio joined the talks in Warsaw on Monday.",
        &["Texas", "Ohio", "Warsaw"],
    );
    for (text, city, country) in [
        (
            "Officials from Texas and Ohio joined the talks in Warsaw on Monday.",
            "Warsaw",
            "PL",
        ),
        (
            "Lawmakers from Ohio and Michigan met in Lisbon.",
            "Lisbon",
            "PT",
        ),
        (
            "Lawmakers from Ohio and Michigan flew on to Amsterdam.",
            "Amsterdam",
            "NL",
        ),
        (
            "A delegation from New Jersey arrived in Bogota on Tuesday.",
            "Bogota",
            "CO",
        ),
        // An explicit container, or a neighbour, still carries the namesake.
        (
            "Police in Warsaw, Ind., said the driver was arrested.",
            "Warsaw",
            "US",
        ),
        (
            "Moscow, Idaho police said the suspect was arrested.",
            "Moscow",
            "US",
        ),
        ("PARIS, Mo. (AP) — A storm felled trees.", "PARIS", "US"),
        ("Storms flooded Hamburg, south of Buffalo.", "Hamburg", "US"),
    ] {
        let found = geoparse(world(), text);
        let place = places_named(&found, city);
        assert_eq!(
            place.first().map(|p| p.country.as_str()),
            Some(country),
            "{text}"
        );
    }
}

#[test]
fn the_towns_of_a_front_are_pinned_in_a_story_about_the_other_side() {
    for town in [
        "Kupiansk",
        "Vuhledar",
        "Avdiivka",
        "Bakhmut",
        "Toretsk",
        "Chasiv Yar",
        "Vovchansk",
        "Myrnohrad",
        "Selydove",
        "Kurakhove",
        "Huliaipole",
        "Orikhiv",
        "Kherson",
        "Druzhkivka",
        "Izium",
        "Balakliia",
        "Konotop",
        "Shostka",
        "Sievierodonetsk",
        "Lysychansk",
        "Lyman",
        "Pokrovsk",
        "Kostiantynivka",
        "Siversk",
    ] {
        let text = format!("Russia's defence ministry said its troops had taken {town}.");
        let found = geoparse(world(), &text);
        let place = places_named(&found, town);
        assert_eq!(
            place.first().map(|p| p.country.as_str()),
            Some("UA"),
            "{text}"
        );
    }
}
