#!/bin/sh
# extract_rules.sh — rules of the extraction engine on short invented reports, one per
# rule: what `vigil extract --json` must propose (and must not).
. "$TESTS/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "no python3"

# report NAME TEXT: writes NAME.txt and runs vigil extract --json on it
report() { printf '%s\n' "$2" >"$1.txt"; run 0 "$VIGIL" extract --json "$1.txt"; }

# The day a source spoke does not date the incident; the deaths of a participle clause
# belong to the incident, whatever place is nearer to them.
report toll "Juba, 14 March 2022 – Soldiers shelled the Pemba camp for displaced families on the southern edge of Juba on Saturday, killing at least nine people and wounding 30, the camp committee said on Monday."
json "len(j['events']) == 1"
json "j['events'][0]['kind'] == 'shelling' and j['events'][0]['date']['start'] == '2022-03-12'"
json "j['events'][0]['killed']['min'] == 9 and j['events'][0]['wounded']['min'] == 30"

# A site's list of links to other reports names no incident of this one.
report links "Velmar, 3 June 2021 – The camp committee opened a new school for 300 children on Thursday, the first since the camp was set up.

The children will be taught in three shifts.

From our archive

Gunmen kill four in attack on Ostra market

Army raids Talen camp"
json "len(j['events']) == 0"

# Threats to cut water; beatings.
report water "Karun, 2 May 2023 – The militia has threatened to cut the pipeline that brings drinking water to the Talen camp if the families do not leave by the end of the month."
json "any(e['kind'] == 'blockade' and e['status'] == 'threatened' for e in j['events'])"
# An ultimatum's bare weekday is the coming one, not the one just past.
report ultimatum "Velmar, Wednesday 6 March 2024 – The camp manager says that if the families do not hand over the two water pumps by Sunday the militia will cut the electricity to the Talen camp."
json "any(e['kind'] == 'blockade' and e['status'] == 'threatened' and e['date']['start'] == '2024-03-10' for e in j['events'])"
# What would be unacceptable has not happened; leaflets telling people to leave within
# hours are a threat of expulsion.
report counterfactual "Kaldan, 22 April 2024 – The minister should tell the governor that a forcible transfer of the Pemba camp residents would be unacceptable."
json "not any(e['status'] == 'occurred' for e in j['events'])"
report leaflets "Kaldan, 22 April 2024 – On Monday leaflets signed by the militia were found in the Talen camp, telling the \"Ostra families\" to leave within 48 hours."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' for e in j['events'])"
report beat "Karun, 2 May 2023 – Border guards beat several of the refugees with sticks at the Talen crossing on Sunday, the refugees said."
json "any(e['kind'] == 'attack' and e['status'] == 'occurred' for e in j['events'])"

# Where the fire came from and where the source is are not where it happened; "the
# strike" is the strike already told, wherever its sentence is.
report places "Mortar rounds fired from positions on the Kesh ridge struck the Pemba camp on Sunday, killing three residents, according to testimonies gathered by our team in Juba.

The government blamed the strike on the Northern Militia, which has tried to take Juba since April."
json "len(j['events']) == 1"
json "j['events'][0]['place']['name'] == 'Pemba camp'"
json "len(j['events'][0]['evidence']) == 2 and any('militia' in p['name'].lower() for p in j['events'][0]['perpetrators'])"

# A toll said to be superseded ("An earlier version … said", "had at first said") tells no
# incident and is no count of one; who residents blame, two sentences on, did it, though a
# relative clause after the name tells of another attack.
report superseded "Velmar, 3 April 2023 – Mortar shells hit the Pemba camp on Sunday, killing four residents and wounding 20, the UN said.

An earlier version of this report said nine people had been killed. A residents' group had at first said nine had died.

Residents blamed the Northern Militia, which had said it shelled the camp in January."
json "[e['killed']['min'] for e in j['events'] if e['killed']] == [4] and j['events'][0]['killed']['max'] == 4"
json "any('ilitia' in p['name'] for p in j['events'][0]['perpetrators'])"

# "death toll now 6": the toll told as it stands is the incident's count.
report tollnow "Velmar, 3 April 2023 – Rockets hit the Pemba camp on Sunday morning.

UPDATE 14:00: death toll now 6."
json "j['events'][0]['killed'] and j['events'][0]['killed']['min'] == 6"

# A wire dateline without a year takes the copyright line's, even when the weekday told
# is the day of the incident, days before the dateline; a force named without its state
# takes the report's country when the place is unknown to the gazetteer.
report wire "Strike on Pemba camp kills nine

BANGKOK, Oct 11 (Delta Wire) – Soldiers of the Myanmar army shelled the Pemba camp for displaced families late on Monday, killing nine people, residents said. Myanmar troops have attacked the area before, and the Myanmar military did not comment.

© 2023 Delta Wire"
json "j['document']['published'] == '2023-10-11'"
json "j['events'][0]['date']['start'] == '2023-10-09'"
json "any('Myanmar' in p['name'] for p in j['events'][0]['perpetrators'])"
# Numeric dates are read as the text writes them: day first (a log exported in Iraq),
# unless a date that can only be month first says otherwise.
report daylog "Camp committee chat log, exported 05/08/2012 10:00.

[03/08/2012, 09:15] Gate: soldiers stopped the fuel tanker at the gate again.
[04/08/2012, 18:40] Clinic: mortar rounds hit the Pemba camp, two residents wounded."
json "j['document']['published'] == '2012-08-05'"
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2012-08-04' for e in j['events'])"
# A diary's entries are of the day of the heading above them, however many lines down.
report diary "Pemba camp committee - daily log, newest first

DAY 3 - Wednesday, 6 March 2024

- Water trucks were turned back at the gate again.

DAY 2 - Tuesday, 5 March 2024

- The kitchen is cooking once a day.
- The school stayed closed.
- Soldiers searched the clinic of the Pemba camp and took away two generators.

DAY 1 - Monday, 4 March 2024

- Fuel deliveries stopped."
json "any(e['kind'] == 'raid' and e['date']['start'] == '2024-03-05' for e in j['events'])"
# A log's entries are lines of their own, each dated by its time, and a message that
# ends without a full stop is no headline.
report chatlog "Pemba camp committee - group chat log

[04/03/2024, 07:40] Gate: soldiers turning back the fuel trucks again
[04/03/2024, 21:15] Clinic: mortar rounds hit the clinic, two residents wounded
[05/03/2024, 08:00] Committee: still no fuel"
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2024-03-04' and e['evidence'][0]['quote'].startswith('[04/03/2024, 21:15]') for e in j['events'])"
report monthlog "Posted 12/21/2012. Mortar rounds hit the Pemba camp on 03/08/2012, wounding two residents."
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2012-03-08' for e in j['events'])"
# A wire's lead that gives no day tells the dateline's day.
report leadday "Rockets hit Pemba camp

KALDAN, March 4 (Delta Wire) - Rockets struck the Pemba camp near the airport, killing three residents and wounding 20, camp officials said.

© 2024 Delta Wire"
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2024-03-04' for e in j['events'])"
# A day borrowed from the sentence before does not give way to background years earlier.
report background "Brussels, Friday, 2 August 2013 – We are here because of what happened on Monday night. Shortly before midnight, mortar shells fell on the Pemba camp, wounding two residents. In July 2009 soldiers attacked the same camp and beat dozens of residents."
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2013-07-29' for e in j['events'])"
report state "Police raided the Pemba camp on Monday and detained 40 men, residents said. Human rights groups in Myanmar said the raids on camps in Myanmar must stop."
json "j['events'][0]['perpetrators'][0]['name'] == 'police (Myanmar)'"
report residents "The displaced people of Velmar camp have lived through a blockade of fuel and medicine since March, the committee said."
json "j['events'][0]['place']['name'] == 'Velmar camp'"

# Where a patient was to be taken is not where care was held up.
report careunit "Kaldan, 22 April 2024 – A boy from the Pemba camp was badly burned on Sunday.

The camp doctor asked for him to be taken at once to a burns unit in Erbil. Police held the ambulance for five hours while waiting for a permit."
json "any(e['kind'] == 'blockade' and e['place']['name'] == 'Pemba camp' for e in j['events'])"

# Where the body that writes sits ("our support committee in Amman") is not where the
# incident told next happened.
report seat "Camp Talen residents' log

Posted by our support committee in Amman with permission.

Police turned back the fuel trucks at the gate again on Monday."
json "any(e['kind'] == 'blockade' for e in j['events']) and not any(e['place'] and e['place']['name'] == 'Amman' for e in j['events'])"

# An answer's incident without a place is where the question just asked about.
report qaplace "Briefing on the Talen camp, 4 March 2024

The Talen camp committee answered questions from journalists about the Talen camp.

QUESTION: You lived in the Pemba camp in 2019. What do you remember?

ANSWER: In May 2019 soldiers came in at night and beat dozens of residents with sticks."
json "any(e['kind'] == 'attack' and e['place']['name'] == 'Pemba camp' for e in j['events'])"

# Countries addressed by name are their governments.
report countries "Geneva, 27 June 2022 – UN experts urged both Spain and Morocco to ensure accountability for the deaths at the border fence."
json "len(j['appeals']) == 1 and len(j['appeals'][0]['to']) == 2"

# A deadline without its year is the next such day; one just passed stays.
report deadline "Ortavo, 8 February 2024 – The governor announced that the Pemba camp will be closed and its residents moved to a transit site by 31 March."
json "j['events'][0]['status'] == 'threatened' and j['events'][0]['date']['start'] == '2024-03-31'"

# A relative clause tells of something else: its date does not date the incident.
report relative "Ortavo, 17 February 2024 – Mortar shells hit the Pemba camp, home to about 4,000 people who fled fighting in the valley five years ago, shortly before dawn on Saturday."
json "len(j['events']) == 1 and not (j['events'][0]['date'] or {}).get('start', '').startswith('2019')"

# "the village of X" names X; an upper-case dateline without a date is where the report
# was filed; people who fled to another camp do not move the incident there.
report village "BAMENDA — Soldiers attacked the village of Ngarbuh before dawn on Friday, killing 22 civilians."
json "j['events'][0]['place']['name'] == 'Ngarbuh'"
report fled "Troops shelled the Nahr camp on Tuesday, and thousands of residents fled to the nearby Beddawi camp.

Aid workers counted at least 27 civilians killed since Sunday."
json "all(e['place']['name'] != 'Beddawi camp' for e in j['events'])"
report quarter "Members of a gang set fire to dozens of homes in the Brooklyn neighbourhood of Cité Soleil on Wednesday."
json "j['events'][0]['place']['name'] == 'Brooklyn neighbourhood of Cité Soleil'"
report province "Rights groups called on the Velmar government to stop the evictions in the Pemba camp."
json "j['appeals'][0]['to'][0]['name'] == 'Velmar government'"

# Each incident keeps the date nearest to it.
report nearest "Ortavo, 20 May 2024 – The ultimatum of the militia of 30 January, to leave by 15 February, was followed by the attack of 17 February on the Pemba camp."
json "any(e['kind'] == 'attack' and (e['date'] or {}).get('start') == '2024-02-17' for e in j['events'])"
# A span's start dates it, not its end ("from mid-May until at least the end of July"); a
# report "Published February 2020" puts an "In April" of its text in 2019.
report span "ANNUAL REVIEW 2019
Published February 2020

From mid-May until at least the end of July, the camp administration let in only about a third of the water the Pemba camp needs.

In April, police searched the shelters of the Pemba camp for six hours."
json "j['document']['published'] == '2020-02'"
json "any(e['kind'] == 'blockade' and (e['date'] or {}).get('start', '')[:7] == '2019-05' for e in j['events'])"
json "any(e['kind'] == 'raid' and (e['date'] or {}).get('start', '')[:7] == '2019-04' for e in j['events'])"

# Regions of every country (data/regions.tsv, from ISO 3166-2): a force there is that
# country's; "the Assam government" is addressed by its name.
report region "Police opened fire on residents protesting against an eviction drive in the Dholpur area of Assam on Thursday, killing two people. Rights groups called on the Assam government to stop the evictions."
json "any('India' in p['name'] for e in j['events'] for p in e['perpetrators'])"
json "j['appeals'][0]['to'][0]['name'] == 'Assam government'"

# The one who announces is the one who acts when "that it" takes it up.
report announce "Nairobi, 12 May 2016 – Last Friday the government of Kenya announced that it will close the Velmar camp by the end of November."
json "j['events'][0]['status'] == 'threatened' and any('Ken' in p['name'] for p in j['events'][0]['perpetrators'])"

# A camp and the city it is in are one place for one incident.
report campcity "UNRWA said that it had been unable to deliver food to the Yarmouk camp in Damascus since September. About 18,000 people remain in the camp, which government forces have besieged since July 2013."
json "len([e for e in j['events'] if e['kind'] in ('siege', 'blockade')]) == 1"

# A sentence about a kind of incident (the law, a trend) is not an incident.
report general "Enforced disappearance is a crime under international law. Kidnappings of migrants have risen sharply this year."
json "len(j['events']) == 0"
report takenaway "Soldiers came to the Velmar camp in June, read out names from a list, and drove the men away in trucks."
json "any(e['kind'] == 'abduction' for e in j['events'])"

# A state's call to the UN is an appeal; to another state it is diplomacy.
report stateappeal "Yerevan, 24 July 2023 – The foreign minister urged the UN Security Council to send a fact-finding mission to the corridor."
json "len(j['appeals']) == 1"

# A headline on a line of its own inside a block is still a headline.
report headline "Velmar, 3 June 2021 – The committee opened a new school on Thursday.

The school has six classrooms. It was built by the residents. Teachers came from the town.
Army raids Talen camp at dawn
The children will be taught in three shifts."
json "len(j['events']) == 0"

# A petition's demands ask, they do not tell.
report petition "We ask the governor to:

Cancel the forced transfer to Kharsa.

Lift the blockade of the Velmar camp now."
json "len(j['events']) == 0"

# "in central Rome": an adjective between the preposition and the place.
report central "Riot police used water cannon and batons on Thursday morning to clear a square in central Ortavo where hundreds of refugees had slept."
json "j['events'][0]['place']['name'] == 'Ortavo'"

# "to the nearby X camp" is where people fled to; "(Cedar Press)" is an agency, not a plea.
report nearby "BEIRUT, May 22 (Cedar Press) – Army artillery shelled the Pemba camp for a third day on Tuesday, and thousands of residents fled to the nearby Velmar camp.

Troops surrounded the camp and were not letting ambulances in."
json "all(e['place']['name'] == 'Pemba camp' for e in j['events']) and len(j['appeals']) == 0"

# A drone that struck is an incident; "the Friday bazaar" is a thing, not the day; the
# shelling a report recalls stays its own event with its own dead; nobody claiming it and a
# command denying it name no perpetrator.
report drone "Drone hits bazaar near Ostra camp, six hurt

TALEN, March 9, 2022 (Delta Wire) - A drone struck the Friday bazaar beside the Ostra camp on Wednesday morning, wounding six people, two of them girls, a medic said.

No group has said it sent the drone. The Northern Air Command said it had no aircraft over Ostra.

It was the first strike on the camp since the shelling of 2 January, which killed four residents."
json "len(j['events']) == 2"
json "any(e['date']['start'] == '2022-03-09' and e['wounded']['min'] == 6 and e['place']['name'] == 'Ostra camp' and not e['perpetrators'] and not e.get('killed') for e in j['events'])"
json "any(e['date']['start'] == '2022-01-02' and e['killed']['min'] == 4 and not e.get('wounded') for e in j['events'])"

# A force named without its state, at a place the gazetteer does not know, takes the
# country of the region the report names twice.
report region "Guwahati, 12 May 2022 – Police demolished forty homes at the Keshpur Char settlement on Monday and beat the families who refused to leave, residents said.

Rights groups in Assam said evictions across Assam had left thousands without shelter."
json "j['events'][0]['perpetrators'][0]['name'] == 'police (India)'"

# "known as the Field" names the camp; it opens no clause that would part the eviction
# from its day.
report knownas "Ostra, 25 October 2016 – Riot police began evicting families from the camp known as the Field in Ostra on Monday, as hundreds of people waited for buses."
json "j['events'][0]['kind'] == 'relocation' and j['events'][0]['date']['start'] == '2016-10-24'"

# "three prisoners died": people held, counted by what befell them.
report inmates "Talen, 4 April 2021 – Guards fired live ammunition at inmates in Ostra prison on Friday night. Three prisoners died of their wounds and 20 were injured, relatives said."
json "j['events'][0]['killed']['min'] == 3 and not j['events'][0].get('detained')"

# A town of the gazetteer in a country the report never names, when it names another
# twice, is a namesake: no coordinates of the wrong country, and the soldiers are the
# report's country's.
report namesake "Cotabato, 14 June 2019 – Soldiers shelled farms in the Lilod Madaya district on Sunday, killing two farmers, residents said. Rights groups in the Philippines said the army had shelled farms across the Philippines."
json "j['events'][0]['place']['country'] != 'SYR' and j['events'][0]['place']['lat'] is None"
json "'Philippines' in j['events'][0]['perpetrators'][0]['name']"

# "killing between three and five", "injuring more than 20": amount words and a range
# between the verb and its number; staff who said it are sources, not perpetrators; an
# Arabic particle opens the camp's name; who is blamed in the next sentence did it.
report range "Velmar, 9 May 2021 – A rocket struck the al-Nour camp near Velmar on Friday evening, killing between three and five people and injuring more than 20, the camp administration and medical staff said. The government blamed the Northern Militia, which did not comment."
json "len(j['events']) == 1 and j['events'][0]['killed']['min'] == 3 and j['events'][0]['killed']['max'] == 5"
json "j['events'][0]['wounded']['min'] == 20 and j['events'][0]['place']['name'].startswith('al-Nour')"
json "len(j['events'][0]['perpetrators']) == 1 and 'militia' in j['events'][0]['perpetrators'][0]['name'].lower()"

# "said on Telegram" names where it was said, not where it happened.
report medium "Velmar, 9 May 2021 – Two volunteers were killed when shells hit a school in Ostra on Tuesday, the regional administration said on Telegram."
json "j['events'][0]['place']['name'] == 'Ostra'"

# "all parties" is addressed; a governor asking their own state's government appeals.
report parties "Velmar, 9 May 2021 – The UN Resident Coordinator called on all parties to stop using explosive weapons near the camps. The state governor called on the Kenyan federal government to send more troops to protect the schools."
json "len(j['appeals']) == 2 and j['appeals'][0]['to'][0]['name'] == 'all parties to the conflict'"
json "j['appeals'][1]['to'][0]['name'] == 'Kenyan government'"

# "the towns of Ostra and Velmar in Upper Kaldan province": the towns are where, the
# province only says where they are.
report towns "Kaldan, 3 June 2024 – For nine months the towns of Ostra and Velmar in Upper Kaldan province have been encircled by the Northern Militia, residents said."
json "len(j['events']) == 1 and j['events'][0]['kind'] == 'siege' and j['events'][0]['place']['name'] in ('Ostra', 'Velmar')"

# "Those arrested were taken to …" tells no new arrest: the shooting of the next sentence
# is a shooting, not an arrest.
report those "Kaldan, 11 October 2021 – Police arrested more than 500 migrants in Ostra on 1 October. Those arrested were taken in trucks to the Velmar detention centre. On 8 October, guards opened fire on detainees who were trying to escape from the centre, killing six of them."
json "any(e['kind'] in ('attack', 'killing') and e['killed']['min'] == 6 and e['date']['start'] == '2021-10-08' for e in j['events'])"

# "At least 40 people, and possibly more than 60, were killed": an aside between the
# people and their fate; "The next day" dates a second incident by the first.
report aside "Kaldan, 26 August 2023 – At least 40 people, and possibly more than 60, were killed when a jet bombed a crowd in the village of Ostra on 23 August, survivors said.

The next day, soldiers entered the neighbouring village of Velmar and set fire to at least 80 houses."
json "any(e['kind'] == 'shelling' and e['killed']['min'] == 40 for e in j['events'])"
json "any(e['kind'] == 'attack' and e['date']['start'] == '2023-08-24' and e['place']['name'] == 'Velmar' for e in j['events'])"

# Blockades without the word: traders stopped, no aid let across; men taken to an
# intelligence branch are arrested; a man seized at home is abducted; demolition orders
# threaten, they do not demolish.
report lexicon "Kaldan, 20 October 2019 – Since February, government forces have stopped traders at their checkpoints on the roads to the Ostra camp. The border guards have let no aid across since June. At least 30 men were taken from the shelters to military intelligence branches in September. A teacher was seized at his home in Velmar on 2 October by five armed men. On 3 October officials handed demolition orders to eight families in Velmar."
json "sum(e['kind'] == 'blockade' for e in j['events']) >= 1"
json "any(e['kind'] == 'arrest' and e['date']['start'] == '2019-09' for e in j['events'])"
json "any(e['kind'] == 'abduction' and e['date']['start'] == '2019-10-02' for e in j['events'])"
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' for e in j['events'])"

# Forcing a way through a perimeter is a raid; people seized and driven away to an unknown
# destination are abducted; a quoted threat ('would be "emptied by force"') is still one.
report seized "Kaldan, 20 May 2019 – At dawn on 18 May some two hundred police forced their way through the fence of the Ostra camp. Nine residents were seized by the police and driven away to an unknown destination. The commander said the camp would be \"emptied by force\" before 1 July."
json "any(e['kind'] == 'raid' and e['status'] == 'occurred' for e in j['events'])"
json "any(len(e['evidence']) == 2 and 'driven away' in e['evidence'][1]['quote'] for e in j['events'])"
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' and e['date']['start'] == '2019-07-01' for e in j['events'])"

# "Soldiers who arrived during the attack … detained two": the attack told before is not
# told again; the arrest takes its day and the soldiers.
report during "Kaldan, 19 November 2022 – Around 30 settlers attacked the hamlet of Ostra on the afternoon of 17 November, residents said. Soldiers who arrived during the attack fired tear gas at the residents and detained two of them."
json "any(e['kind'] == 'arrest' and e['date']['start'] == '2022-11-17' and e['perpetrators'] for e in j['events'])"

# A wire dateline with an agency of several words dates no incident; a place west of a
# city is where, the city only a bearing; "another shell" later that day is another
# incident on that day, not the first told again.
report bearing "Shelling kills two in Tripoli

TRIPOLI, Libya, Nov 15 2023 (Delta Press Agency) - Shells hit a market in Velmar, west of central Tripoli, on Tuesday morning, killing two volunteers.

\"The shells came from the east,\" a volunteer said.

Later that day, another shell hit a bus stop in the village of Pemba, west of the city, killing a man and wounding two."
json "any(e['kind'] == 'shelling' and e['date']['start'] == '2023-11-14' and e['place']['name'] == 'Velmar' for e in j['events'])"
json "not any(e['date'] and e['date']['start'] == '2023-11-15' for e in j['events'])"
json "any(e['place'] and e['place']['name'] == 'Pemba' and e['date']['start'] == '2023-11-14' for e in j['events'])"
report bearing2 "Kaldan, 11 October 2021 - Police raided homes in Velmar, west of central Tripoli, on 1 October, arresting more than 500 migrants."
json "len(j['events']) == 1 and j['events'][0]['place']['name'] == 'Velmar' and j['events'][0]['date']['start'] == '2021-10-01'"

# A report whose incidents all name one perpetrator gives it, marked inferred, to one that
# names none; a government closing a camp lends no one to an attack.
report onlyone "Kaldan, 9 May 2021 – The Black Ridge Brigade shelled the Ostra camp on Monday, killing four residents.

On Wednesday, rockets hit the market of the Velmar camp, wounding six people."
json "all(e['perpetrators'] and e['perpetrators'][0]['name'] == 'Black Ridge Brigade' for e in j['events']) and len(j['events']) == 2"
json "any(e['perpetrators'][0].get('inferred') for e in j['events'])"
report govonly "Kaldan, 9 May 2021 – The government of Kenya announced on Friday that it will close the Velmar camp by the end of November. In 2015 it made the same threat after the attack on Garissa University College."
json "all(not e['perpetrators'] for e in j['events'] if e['kind'] == 'attack')"

# The one day in the clause of an incident dates it however far after its trigger ("…
# attacked a crowd gathered for … in Ostra, Velmar district, on the morning of 23
# August"); "The next day" then dates the next.
report farday "Kaldan, 26 August 2023 – At least 40 people were killed when soldiers attacked a crowd gathered for the opening of a village office in Ostra, Velmar district, on the morning of 23 August, survivors said.

The next day, soldiers set fire to at least 80 houses in the neighbouring village of Pemba."
json "any(e['date'] and e['date']['start'] == '2023-08-23' and e['killed']['min'] == 40 for e in j['events'])"
json "any(e['date'] and e['date']['start'] == '2023-08-24' and e['place']['name'] == 'Pemba' for e in j['events'])"

# The report's country is not where people are deported to nor the nationality of those
# it befalls: soldiers detaining Syrian refugees in Lebanon are Lebanon's. A force named
# by where it comes from is that state's.
report nationality "Kaldan, 2 May 2019 – Soldiers detained at least 25 Syrian refugees at checkpoints around the Ostra camp on Monday. Lebanon's army says the camp is illegal, and Lebanon's government has ordered the shelters demolished. Their families fear they will be deported to Syria, and Syrian refugees say that people sent back to Syria are arrested."
json "any(e['kind'] == 'arrest' and e['perpetrators'] and e['perpetrators'][0]['name'] == 'troops (Lebanon)' for e in j['events'])"
report comefrom "Kaldan, 20 December 2003 – Residents said that soldiers from Rwanda came into the Ostra camp at night on 12 December and took away two young men."
json "j['events'][0]['perpetrators'][0]['name'] == 'troops (Rwanda)'"

# A lone date over a page whose post line gives another is the day the page was saved:
# the post line dates the report, and "on Monday" is the Monday before it.
report saved "Thursday, 6 March 2025
Kaldan Daily
Search...

Velmar: gunmen burn shelters at Ostra site

Posted by Amina Sule | 12 June 2024 | Kaldan | 4 comments

Gunmen set fire to shelters at the Ostra displacement site near Velmar on Monday, killing two residents, camp leaders said."
json "j['document']['published'] == '2024-06-12'"
json "any(e['date'] and e['date']['start'] == '2024-06-10' for e in j['events'])"
# A site named by a head of two words ("Ostra displacement site") is where it happened.
report dsite "Kaldan, 12 June 2024 – Gunmen set fire to shelters at the Ostra displacement site on Monday, killing two residents, camp leaders said."
json "any(e['place'] and e['place']['name'] == 'Ostra displacement site' for e in j['events'])"

# Writing to a title is writing to the body it heads ("the Chair of ASEAN", "the President
# of the ICRC"); "the release of the leaders" names no addressee. A named peacekeeping
# mission keeps its name.
report titled "Kaldan, 4 May 2022 – Soldiers detained 14 men in the Ostra camp on Monday. We urge the Chair of ASEAN and the President of the ICRC to press for the release of the men."
json "any(any(t['name'] == 'ASEAN' for t in a['to']) and any(t['name'] == 'ICRC' for t in a['to']) for a in j['appeals'])"
report mission "Kaldan, 4 May 2022 – Gunmen attacked the Ostra camp near Velmar on Saturday, killing three people. Camp leaders called on MINUSCA to protect the camp."
json "any(any(t['name'] == 'UN peacekeeping mission (MINUSCA)' for t in a['to']) for a in j['appeals'])"
# A recommendation is an appeal to whom it names ("we recommend that UNHCR …"); "call your
# Senators" addresses the U.S. Congress.
report recommend "Kaldan, 4 May 2022 – Soldiers searched the Ostra camp for six hours on Monday. We recommend that UNHCR visit the camp every week and that the ICRC be present at any further search."
json "len(j['appeals']) == 1 and any('UNHCR' in t['name'] for t in j['appeals'][0]['to'])"
json "any(t['name'] == 'ICRC' for t in j['appeals'][0]['to'])"
# Recommendations headed by whom they ask, with no verb: each item its own appeal; a
# heading with no addressee ("To date: ...") is none.
report reclist "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday.

Recommendations
To the Government of Kenya: end the searches of the camp and let medicine in.
To the UN High Commissioner for Refugees: visit the camp every week.
To the EU member states: offer places to the families of the camp.
To date: no answer has come from the ministry."
json "len(j['appeals']) == 3"
json "[a['to'][0]['name'] for a in j['appeals']] == ['Kenyan government', 'UN High Commissioner for Refugees (UNHCR)', 'European Union']"
# the author's calls in two sentences to different people are two appeals; to the same
# people, or after an organisation named itself ("Kaldan Aid calls on A … We ask B …"),
# or a petition handed to others, one
report twoasks "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday. We call on the Government of Kenya to end the searches of the camp. We also urge the UN High Commissioner for Refugees to visit the camp every week. We ask the Government of Kenya to let medicine in."
json "[a['to'][0]['name'] for a in j['appeals']] == ['Kenyan government', 'UN High Commissioner for Refugees (UNHCR)']"
report namedasks "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday. Kaldan Aid calls on the Government of Kenya to end the searches of the camp. We ask the UN High Commissioner for Refugees to visit the camp every week. When we reach 5,000 signatures we will hand the petition to the Embassy of Kenya."
json "len(j['appeals']) == 1 and len(j['appeals'][0]['to']) == 3"
# asked to ask another: the appeal is to the first ("write to your MP … and ask them to
# press the Government of Kenya": members of parliament); a petition with the asks around
# it stays one appeal
report nestedask "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday. Please write to your MP and ask them to press the Government of Kenya to end the searches."
json "[t['name'] for t in j['appeals'][0]['to']] == ['member of parliament']"
report petitionplus "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday.

1. Sign our petition to the Government of Kenya.

2. Write to your member of parliament. Ask them to demand an end to the searches."
json "len(j['appeals']) == 1"
# an opinion's "X should/must do": an appeal to X; "X should be held to account" is none
report should "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday. The Government of Kenya should end the searches of the camp at once."
json "len(j['appeals']) == 1 and j['appeals'][0]['to'][0]['name'] == 'Kenyan government'"
report shouldbe "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday. The Government of Kenya should be held to account for the searches."
json "len(j['appeals']) == 0"
# a post addressed by handles asks them what follows the colon; a handle with no colon
# after it (the author's own) asks nothing
report handles "CampWatch @CampWatch_EN · May 4, 2022
3/ @UN Secretary-General, @Refugees UNHCR: stop the searches of the Ostra camp NOW and send monitors."
json "[t['name'] for t in j['appeals'][0]['to']] == ['UN Secretary-General', 'UNHCR']"
report handlesno "CampWatch @CampWatch_EN · May 4, 2022
3/ Police searched the Ostra camp for six hours, say @UNHCR staff."
json "len(j['appeals']) == 0"
# items under a heading of what is asked ("WHAT WE ASK") that start with whom they ask and
# "to": each its own appeal; the same items under a heading that asks nothing are none
report asklist "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday.

WHAT WE ASK
* The UN High Commissioner for Refugees to visit the camp every week.
- The Government of Kenya to end the searches of the camp."
json "[a['to'][0]['name'] for a in j['appeals']] == ['UN High Commissioner for Refugees (UNHCR)', 'Kenyan government']"
report asklistno "Kaldan, 4 May 2022 – Police searched the Ostra camp for six hours on Monday.

WHO WORKS HERE
* The UN High Commissioner for Refugees to visit the camp every week.
- The Government of Kenya to end the searches of the camp."
json "len(j['appeals']) == 0"
report callyour "Kaldan, 4 May 2022 – The Ostra camp has had no fuel for a month. Call your Representative and both of your Senators and ask them to raise the camp at the next hearing."
json "len(j['appeals']) == 1 and j['appeals'][0]['to'][0]['name'] == 'U.S. Congress'"

# "for" inside a title ("the Cabinet Secretary for the Interior") does not start what is
# asked; after "written to" the addressees follow at once, and "sent to is the place where
# the police …" addresses no one.
report fortitle "Kaldan, 10 June 2025 – Police raided the Ostra camp on Sunday and arrested 40 refugees. The Legal Aid Centre has written to the Cabinet Secretary for the Interior and to UNHCR, asking them to release the refugees. \"The camp they are being sent to is the place where the police have just kicked in doors,\" a lawyer said."
json "len(j['appeals']) == 1 and any('UNHCR' in t['name'] for t in j['appeals'][0]['to'])"
json "any(t['name'] == 'interior minister' for t in j['appeals'][0]['to'])"
json "not any(t['group'] == 'state forces' for a in j['appeals'] for t in a['to'])"

# Words of confinement and denial beyond "siege" and "blockade": a cordon of guards, a wall
# built around a camp, a road closed to it.
report cordon "Kaldan, 20 August 2021 – For twelve days some 30 migrants have been stuck at the Ostra crossing, surrounded by a cordon of border guards on one side and soldiers on the other."
json "any(e['kind'] == 'siege' and e['status'] == 'occurred' for e in j['events'])"
report wall "Kaldan, 20 October 2024 – Since May, the army has been building a concrete wall with watchtowers around the camp at Ostra, and soldiers now control the only gate."
json "any(e['kind'] == 'siege' for e in j['events'])"
report road "Kaldan, 5 March 2025 – The Pemba camp has received no aid convoys since December, when the militia closed the road from Velmar to the camp."
json "any(e['kind'] == 'blockade' for e in j['events'])"

# The group the acting men come from acts: "Armed men from the FPRC", "Fighters of the ELN".
# Named forces and groups of the regions the corpus reports on: the Asayish (Kurdish internal
# security), "the CODECO militia" as one group, not CODECO and militias.
report asayish "Kaldan, 9 May 2022 – The Asayish raided the Ostra camp on Sunday and detained 25 men."
json "any(p['name'].startswith('Asayish') for e in j['events'] for p in e['perpetrators'])"
report codeco "Kaldan, 9 May 2022 – The CODECO militia attacked the Ostra camp on Saturday, killing five people."
json "any(p['name'] == 'CODECO' for e in j['events'] for p in e['perpetrators'])"
json "not any(p['name'] == 'militias' for e in j['events'] for p in e['perpetrators'])"
report memberof "Kaldan, 9 May 2022 – Armed men from the FPRC attacked the Ostra camp on Saturday, killing five people."
json "any(p['name'] == 'FPRC (CAR)' for e in j['events'] for p in e['perpetrators'])"
report memberof2 "Kaldan, 9 May 2022 – Fighters of the ELN attacked the Ostra camp on Saturday, killing five people."
json "any(p['name'].startswith('ELN') for e in j['events'] for p in e['perpetrators'])"
# A short aside in brackets is no clause of its own: the name before it still acts.
report aside "Kaldan, 9 May 2022 – The Popular Front for the Rebirth of Central Africa (FPRC) attacked the Ostra camp on Saturday."
json "any(p['name'] == 'FPRC (CAR)' for e in j['events'] for p in e['perpetrators'])"

# Unqualified forces beside a state's forces named with their state, in one incident, are
# that state's, not the place's.
report sidebyside "Kaldan, 22 April 2024 – Israeli forces raided Tulkarm on Thursday. The Israeli military said its soldiers had killed ten militants during the raid. The Palestinian health ministry and the Palestinian Red Crescent said the dead included a boy. Palestinian officials in Ramallah condemned the raid."
json "any(p['name'] == 'troops (Israel)' for e in j['events'] for p in e['perpetrators'])"
json "not any(p['name'] == 'troops (Palestine)' for e in j['events'] for p in e['perpetrators'])"

# Threatened moves of people: a passive with the people as its subject ("families without
# papers will be relocated"), people as the object ("plans to move 2,000 refugees"), an
# order or a deadline to leave ("given 72 hours to leave", "must move by"); an ultimatum's
# menace ("or we will burn the tents") is the threat; a move as a noun or to hospital, or
# things moved, is none.
report relocpass "Kaldan, 2 March 2024 – The interior ministry said on Monday that families in the Ostra camp who have no residence cards will be relocated to a site near the border by 30 April."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' and e['date']['start'] == '2024-04-30' for e in j['events'])"
report relocobj "Kaldan, 2 March 2024 – The provincial authorities plan to move 2,000 refugees from the Ostra camp to an island in the river next month."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' for e in j['events'])"
report relochours "Kaldan, 2 March 2024 – On Friday the police gave the 600 families living at the Pemba site 72 hours to leave."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' for e in j['events'])"
report relocmust "Kaldan, 2 March 2024 – Officials told the residents of the Pemba camp that they must move to Velmar by the end of the month."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' and e['date']['start'].startswith('2024-03') for e in j['events'])"
report ultim "Kaldan, 2 March 2024 – A militia commander told the families of the Pemba camp that they must leave by 10 March \"or we will burn the tents\"."
json "any(e['kind'] == 'attack' and e['status'] == 'threatened' for e in j['events'])"
json "not any(e['kind'] == 'relocation' for e in j['events'])"
report relocnot "Kaldan, 2 March 2024 – The wounded were moved to the hospital in Velmar. The relocation of the office was discussed at length. Tents and stoves were moved to the new site. The bakery will be transferred to a new owner."
json "len(j['events']) == 0"

# Care denied is a blockade: a hospital transfer refused, treatment held up, the entry of
# goods banned, goods kept at the gate; a given name after a title is a person, not the
# town of the gazetteer.
report transfer "Velmar, 3 April 2023 – For two weeks the camp authorities refused the hospital transfer of a diabetic resident of the Pemba camp, his brother said."
json "any(e['kind'] == 'blockade' and e['status'] == 'occurred' for e in j['events'])"
report treatment "Velmar, 3 April 2023 – Three residents of the Pemba camp died in March because their treatment was delayed or denied, the committee said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report entry "Velmar, 3 April 2023 – The guards have banned the entry of heaters and blankets into the Pemba camp since January."
json "any(e['kind'] == 'blockade' and (e['date'] or {}).get('start', '').startswith('2023-01') for e in j['events'])"
report gate "Velmar, 3 April 2023 – The militia keeps the donated medicine at the gate of the Pemba camp for weeks."
json "any(e['kind'] == 'blockade' for e in j['events'])"
# Denial told without the words: a share of the fuel let in, an ambulance or a convoy held
# at the gate, a patient waiting for permission, passage refused, a threat to cut deliveries;
# walls, police posts and armoured vehicles around a camp are a siege.
report share "Velmar, 3 April 2023 – Since January the guards have let in only about a third of the diesel that the Pemba camp needs for its pumps, the committee said."
json "any(e['kind'] == 'blockade' and e['status'] == 'occurred' for e in j['events'])"
report ambulance "Velmar, 3 April 2023 – Soldiers at the gate of the Pemba camp held the ambulance for three hours on Sunday; the boy inside died before it reached Velmar."
json "any(e['kind'] == 'blockade' for e in j['events'])"
# an ambulance held back, a vehicle not let leave, access to hospital denied; "a man with
# kidney disease died" counts one dead
report heldback "Velmar, 3 April 2023 – A man with kidney disease died in the Pemba camp on Sunday after the guards held back the ambulance that his sons had called."
json "any(e['kind'] == 'blockade' and e['killed'] and e['killed']['min'] == 1 for e in j['events'])"
report letleave "Velmar, 3 April 2023 – The guards of the Pemba camp would not let the vehicle leave for the hospital on Sunday, the committee said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report access "Velmar, 3 April 2023 – Four residents of the Pemba camp have died this year after being denied access to hospital, the committee said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
# a patient not let go to hospital, tankers turned away, no convoy reaching the camp, a
# road into it closed, sewage trucks stopped at the gate; guests turned away are nothing
report letgo "Velmar, 3 April 2023 – A woman with heart disease died in the Pemba camp on Sunday after the guards refused to let her go to the hospital in Ostra."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report turnedaway "Velmar, 3 April 2023 – Police at the gate of the Pemba camp turned away six water tankers on Monday."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report noconvoy "Velmar, 3 April 2023 – No aid convoy has reached the Pemba camp since 2 March, the agency said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report forklifts "Velmar, 3 April 2023 – On Monday the soldiers at the gate of the Pemba camp stopped the forklifts and the sewage trucks the residents had bought."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report guests "Velmar, 3 April 2023 – The guests were turned away at the door of the hotel in Ostra on Monday."
json "len(j['events']) == 0"
report hospitaltown "Velmar, 3 April 2023 – Soldiers shelled the Pemba camp on Sunday. Four of the wounded were taken to the district hospital in Ostra after the soldiers held the ambulances at the gate for two hours."
json "not any(e['kind'] == 'blockade' and (e['place'] or {}).get('name') == 'Ostra' for e in j['events'])"
report convoy "Velmar, 3 April 2023 – A convoy of trucks with flour for the Pemba camp was held at a checkpoint for eleven hours on Monday, the agency said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report permission "Velmar, 3 April 2023 – An old woman died in the Pemba camp on Friday after waiting two weeks for permission to be taken to the hospital in Velmar."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report passage "Velmar, 3 April 2023 – A pregnant woman from the Pemba camp was refused passage at the army checkpoint on Tuesday, her husband said."
json "any(e['kind'] == 'blockade' for e in j['events'])"
report cutthreat "Velmar, 3 April 2023 – The governor's office warned the committee that the entry of water tankers and of food to the Pemba camp will be cut if the families do not register."
json "any(e['kind'] == 'blockade' and e['status'] == 'threatened' for e in j['events'])"
report armoured "Velmar, 3 April 2023 – This week the police placed three more armoured vehicles at the main gate of the Pemba camp and raised new concrete walls along its eastern fence."
json "any(e['kind'] == 'siege' for e in j['events'])"
report shareno "Velmar, 3 April 2023 – Only a third of the money pledged for the Pemba camp school has arrived, the committee said."
json "not any(e['kind'] == 'blockade' for e in j['events'])"
report honorific "Velmar, 3 April 2023 – Police shot dead Ms Amina Oran on Sunday, her family said."
json "len(j['events']) == 1 and (j['events'][0]['place'] or {}).get('name') != 'Oran'"
json "not any('Algeria' in p['name'] for p in j['events'][0]['perpetrators'])"

# Dates an incident is given beyond its own clause: the day a sentence of its paragraph
# just gave its narrative ("the following morning": the day after); the day its fighting
# "broke out"; the month a ", when" clause hangs on; the weekend; "since the beginning
# of" is a date, no clause of its own.
report paradate "Kaldan, 20 May 2024 – On 12 May, in the afternoon, soldiers came to the Ostra camp with a list of names. They set fire to the tents at the north end first and shot at the people who ran.

The army has not commented."
json "any(e['kind'] in ('attack', 'killing') and e['date'] and e['date']['start'] == '2024-05-12' for e in j['events'])"
report nextmorning "Kaldan, 20 May 2024 – On 12 May officials told the residents of the Ostra camp that the camp would be closed. Water to the camp was cut off the following morning."
json "any(e['kind'] in ('blockade', 'siege') and e['date'] and e['date']['start'] == '2024-05-13' for e in j['events'])"
report brokeout "Kaldan, Monday 20 May 2024 – Fighting between two armed factions in the Ostra camp has killed at least six people since it broke out on Saturday, camp sources said."
json "any(e['date'] and e['date']['start'] == '2024-05-18' for e in j['events'])"
report whenclause "Kaldan, 20 May 2024 – There was no shelling of the Ostra camp last week, unlike in March, when a shell hit the school and killed two children."
json "any(e['date'] and e['date']['start'] == '2024-03' for e in j['events'])"
json "not any(e['date'] and e['date']['start'].startswith('2024-05') for e in j['events'] if e['status'] == 'occurred')"
report weekend "Kaldan, Tuesday 21 May 2024 – Police forcibly moved several hundred refugees from the Ostra crossing to a camp inland over the weekend."
json "any(e['kind'] == 'relocation' and e['date'] and e['date']['start'] == '2024-05-18' for e in j['events'])"
report sincebegin "Kaldan, 20 May 2024 – Troops have encircled the Ostra camp since the beginning of March."
json "any(e['kind'] == 'siege' and e['date'] and e['date']['start'].startswith('2024-03') for e in j['events'])"
report plural "Kaldan, 20 May 2024 – The interior ministry has repeated that all undocumented Eritreans must leave the country by 6 June."
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' and e['date']['start'] == '2024-06-06' for e in j['events'])"

# In a letter, "you" is whom the salutation addresses; a copy sent to someone asks them
# nothing.
report letter "Velmar, 3 April 2023

Dear Secretary-General,

The residents of the Pemba camp have had no clean water for a month. I urge you to send a mission to the camp without delay.

I am sending a copy of this letter to the Minister of Foreign Affairs.

Yours sincerely,
Tomas Reed"
json "len(j['appeals']) == 1 and 'Secretary-General' in j['appeals'][0]['to'][0]['name']"
# An appeal with no date of its own is made the day it is written, even when that day
# stands on a line of its own under the heading.
report dateline "Statement of the Pemba camp committee

Aired: Thursday 6 April 2023, 07:40

The committee asks UNHCR to send a mission to the camp."
json "len(j['appeals']) == 1 and j['appeals'][0]['date'] == '2023-04-06'"
report copying "Velmar, 3 April 2023

Dear Commissioner,

Families in the Pemba camp have been without water since March. I ask you to send an engineer to the camp this week.

I am copying this letter to the Minister of Foreign Affairs.

Yours sincerely,
Tomas Reed"
json "not any(t['name'] == 'foreign minister' for a in j['appeals'] for t in a['to'])"
# "wrote on Thursday to X": when stands between the verb and its addressee
report wroteon "Velmar, 3 April 2023 – Twenty members of the Ostran parliament wrote on Thursday to the UN Secretary-General asking him to send monitors to the Pemba camp."
json "len(j['appeals']) == 1 and j['appeals'][0]['to'][0]['name'] == 'UN Secretary-General'"
report wrotemorning "Velmar, 3 April 2023 – The camp committee wrote again this morning to the High Commissioner for Refugees about the water cuts in the Pemba camp."
json "len(j['appeals']) == 1 and 'UNHCR' in j['appeals'][0]['to'][0]['name']"
# a parliamentary written question asks a minister for an answer, not for an act; the
# answer's "urged the Government of X" is an appeal
report parlq "Question tabled on 3 April 2023

To ask the Secretary of State for Foreign Affairs, what representations he has made to the Government of Ostra about the shelling of the Pemba camp.

Answered on 10 April 2023: Our Ambassador urged the Government of Ostra to protect the camp."
json "len(j['appeals']) == 1 and 'Our Ambassador' in j['appeals'][0]['evidence'][0]['quote']"
# "Secretary of State for …" is a British cabinet title, not the US Secretary of State
report ukfs "London, 3 April 2023

We urge the Secretary of State for Foreign and Commonwealth Affairs to raise the shelling of the Pemba camp with the Government of Ostra."
json "len(j['appeals']) == 1 and j['appeals'][0]['to'][0]['country'] == 'GBR'"
# and "the Foreign Secretary" is the British one (the American is the Secretary of State)
report ukfs2 "London, 3 April 2023

My Lords, I urge the Foreign Secretary to raise the shelling of the Pemba camp with the Government of Ostra."
json "len(j['appeals']) == 1 and j['appeals'][0]['to'][0]['name'] == 'UK Foreign Secretary'"

# Threats told as what may come: a weapon with a modal, strikes that "will follow", an
# offensive "in the coming days", a vow to retake a town; "the next morning" is no threat.
report modal "Velmar, 3 April 2023 – Officers have let it be known that rockets may again be fired on the Pemba camp if the residents do not leave."
json "any(e['kind'] == 'shelling' and e['status'] == 'threatened' for e in j['events'])"
report follow "Velmar, 3 April 2023 – The militia said on its website that further attacks on Pemba will follow."
json "len(j['events']) == 1 and j['events'][0]['status'] == 'threatened'"
report coming "Velmar, 3 April 2023 – Commanders told families in the Ostra district to leave before an offensive in the coming days."
json "any(e['kind'] == 'attack' and e['status'] == 'threatened' for e in j['events'])"
report retake "Velmar, 3 April 2023 – The government has vowed to retake the town of Ostra before the winter."
json "any(e['kind'] == 'attack' and e['status'] == 'threatened' for e in j['events'])"
report nextday "Velmar, 3 April 2023 – Gunmen seized four men at the Pemba camp on Sunday; two were freed the next morning with injuries from beatings."
json "all(e['status'] == 'occurred' for e in j['events'])"
# People missing after they were taken; numbered camps are places, "Camp" alone is not,
# and "a fire on Thursday" is no firing on anyone.
report whereabouts "Velmar, 3 April 2023 – Three residents of the Pemba camp were stopped at a checkpoint on Friday. Their whereabouts are unknown."
json "any(e['kind'] == 'abduction' for e in j['events'])"
report numbered "Velmar, 3 April 2023 – Armed men abducted two teachers in Camp 12 on Monday. A fire on Thursday destroyed 30 shelters in Camp 4."
json "len(j['events']) == 1 and j['events'][0]['place']['name'] == 'Camp 12'"

# Who did it: a town named as a point of reference ("about 40 kilometres north of Velmar")
# is not where it happened; "They also took away …" is one more incident by those of the
# one before; named groups (data/actors.tsv) and the group gunmen are believed to belong
# to; forces in a capital of the gazetteer are that state's; unqualified forces are those
# of the one state whose forces the report names with their state.
report kmref "Kaldan, 22 April 2024 – Gunmen believed to belong to the Lord's Resistance Army attacked the Ostra displacement site, about 40 kilometres north of Velmar, on Monday night, killing four people. They also took away six women."
json "any(e['kind'] == 'attack' and e['place']['name'] == 'Ostra displacement site' for e in j['events'])"
json "any(e['kind'] == 'abduction' and any('LRA' in p['name'] for p in e['perpetrators']) for e in j['events'])"
json "all(any('LRA' in p['name'] for p in e['perpetrators']) for e in j['events'])"
# A town named as a point of reference is not "the town" told after it, nor the report's
# main place however often the report names it so.
report kmtown "Khalis is a farming town sixty kilometres from Baghdad. Since May soldiers have shelled the town every night, residents said."
json "any(e['kind'] == 'shelling' and e['place']['name'] == 'Khalis' for e in j['events'])"
report kmmain "Kaldan, 22 April 2024 – The Ostra displacement site lies 15 km north of Bunia. Families arrive each week from villages 30 km east of Bunia and 40 km west of Bunia. On Monday night gunmen opened fire on the families, killing three."
json "any(e['kind'] == 'attack' and e['place']['name'] == 'Ostra displacement site' for e in j['events'])"
report capital "Kaldan, 22 April 2024 – Police cleared a square in central Lisbon on Thursday and detained 30 migrants."
json "any(p['name'] == 'police (Portugal)' for e in j['events'] for p in e['perpetrators'])"
report oneforces "Kaldan, 22 April 2024 – Turkish troops shelled villages near Aleppo on Monday. On Tuesday, soldiers raided the Ostra camp north of Aleppo and detained 12 men."
json "any(e['kind'] == 'raid' and any(p['name'] == 'troops (Turkey)' for p in e['perpetrators']) for e in j['events'])"
json "not any(p['name'].endswith('(Syria)') for e in j['events'] for p in e['perpetrators'])"
report believed "Kaldan, 22 April 2024 – Armed men thought to be members of the ELN attacked the Ostra camp on Monday night."
json "any(e['status'] == 'occurred' and any(p['name'].startswith('ELN') for p in e['perpetrators']) for e in j['events'])"

# Counts of one person, or two joined by "and" ("killing a man and wounding a woman and
# her daughter", "One young man was shot dead"); such a figure gives way to one written
# for the same incident elsewhere.
report aman "Kaldan, 22 April 2024 – A shell hit a bus stop in the Ostra district on Sunday, killing a man and wounding a woman and her daughter."
json "len(j['events']) == 1 and j['events'][0]['killed']['min'] == 1 and j['events'][0]['wounded']['min'] == 2"
report oneman "Kaldan, 22 April 2024 – Police raided the Ostra camp on Sunday. One young man was shot dead and at least 15 people were injured during the raid."
json "any(e['killed'] and e['killed']['min'] == 1 and e['wounded']['min'] == 15 for e in j['events'])"
report aman2 "Kaldan, 22 April 2024 – Mortar shells hit the Ostra camp on Sunday. Six residents were killed and 20 were wounded. A seventh death, that of a man who died in hospital on Monday, could not be confirmed."
json "any(e['killed'] and e['killed']['min'] == 6 for e in j['events'])"

# Troops taking up positions around a camp besiege it; a road closed to traffic is a
# blockade, also behind trenches "facing the gate"; rockets "falling on" a camp are a
# shelling; men "taken away" are abducted, "taken away for questioning" arrested, and what
# "often" happens is no part of the incident just told; "previous attacks" are not this
# report's; the town of a hospital a patient was to be taken to is not where it happened.
report positions "Velmar, 3 April 2023 – Since Sunday two army battalions have taken up positions around the Pemba camp."
json "any(e['kind'] == 'siege' and e['status'] == 'occurred' for e in j['events'])"
report roadclosed "Velmar, 3 April 2023 – Soldiers have dug trenches facing the camp's gate, and the road to the Pemba camp has been closed to all traffic."
json "len(j['events']) == 1 and j['events'][0]['kind'] == 'blockade' and j['events'][0]['status'] == 'occurred'"
report falling "Velmar, 3 April 2023 – On Sunday residents counted at least 12 rockets falling on the Pemba camp."
json "any(e['kind'] == 'shelling' and e['status'] == 'occurred' for e in j['events'])"
report takenaway2 "Velmar, 3 April 2023 – A spokesman for the Pemba camp said six men had been taken away in handcuffs."
json "any(e['kind'] == 'abduction' for e in j['events'])"
report habitual "Velmar, 3 April 2023 – On Sunday a sniper shot dead a woman queueing for bread at the Pemba camp. Young men who reach the checkpoint are often taken away for questioning."
json "len(j['events']) == 2 and any(e['kind'] == 'arrest' for e in j['events'])"
report previous "Velmar, 3 April 2023 – The residents of the Pemba camp fear an assault tonight, as in previous attacks."
json "len(j['events']) == 1 and j['events'][0]['status'] == 'threatened'"
report hospital "STATEMENT OF THE PEMBA CAMP COMMITTEE

Pemba camp, Velmar, 3 April 2023

A resident of the Pemba camp died on Sunday. For ten days his doctors asked the guards to let him be taken to a hospital in Ostra. The guards also banned the entry of heaters."
json "all(e['place']['name'] != 'Ostra' for e in j['events'])"

# goods kept out are named by what they are: tankers, heating oil, kerosene, insulin …
report tankers "Velmar, 3 April 2023 – Soldiers at the gate of the Pemba camp yesterday turned back two tankers of kerosene bought by the residents."
json "len(j['events']) == 1 and j['events'][0]['kind'] == 'blockade' and j['events'][0]['place']['name'] == 'Pemba camp'"

# An arrest told first stays an arrest when the men are then "taken away"; "This is the
# second attack this year" counts the incident just told, and keeps its day.
report arrestfirst "Velmar, 3 April 2023 – Police arrested about 40 refugees in a sweep through the Pemba camp on Sunday. Officers went from shelter to shelter and took away men who had no papers."
json "len(j['events']) == 1 and j['events'][0]['kind'] == 'arrest'"
report nth "Velmar, 3 April 2023 – Rockets hit the Pemba camp on Sunday, killing two residents. This is the second attack on the camp this year."
json "len(j['events']) == 1 and j['events'][0]['date']['start'] == '2023-04-02'"

# A chronology: each paragraph opening with a date is an entry of its own (a blank line
# after a full stop starts a new paragraph); the entry's date dates what it tells and is
# the date its dates without a year are read against ("must leave by 20 July", told in an
# entry of April 2012 in a report of September, is July 2012); "carried out a search" is
# a raid.
report chrono "Report on the Ostra camp

Velmar, 30 September 2012

17 February 2012. The first convoy of 400 residents left the old camp for the Ostra camp. At the gate the police searched every bag for eleven hours.

20 April 2012. The government spokesman announced that the residents still in the old camp must leave by 20 July.

25 July 2012. About 200 police and soldiers carried out a search of the Ostra camp that lasted until the evening."
json "any(e['kind'] == 'raid' and e['date'] and e['date']['start'] == '2012-02-17' for e in j['events'])"
json "any(e['kind'] == 'raid' and e['date'] and e['date']['start'] == '2012-07-25' for e in j['events'])"
json "any(e['kind'] == 'relocation' and e['status'] == 'threatened' and e['date']['start'] == '2012-07-20' for e in j['events'])"

# UN agencies addressed are named, not one "UN agency".
report agency "Velmar, 3 April 2023 – The governor has asked the World Food Programme to fly food into Ostra, and the committee urged UNICEF to reopen the school."
json "any('World Food Programme' in t['name'] for a in j['appeals'] for t in a['to'])"
json "any('UNICEF' in t['name'] for a in j['appeals'] for t in a['to'])"
