//! iCalendar (RFC 5545) output for the exchange programme: a visit's invitation attached to an
//! e-mail, a member's private feed of their visits and the public feed of placement windows.
//! The `icalendar` crate writes the text (line folding at 75 octets, CRLF, escaping). It cannot
//! build VTIMEZONE components, so the definitions of our cities' zones are written here and put in
//! before the calendar's end.

use icalendar::{Component, EventLike};
use time::{Date, OffsetDateTime, PrimitiveDateTime};

/// The time zones of the network's cities. All follow the EU rule (CET/CEST); each keeps its own
/// name, so that a calendar shows the place's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Luxembourg.
    Luxembourg,
    /// Metz and the rest of France.
    Paris,
    /// Trier, Saarbrücken and the rest of Germany.
    Berlin,
}

impl Zone {
    /// The zone of a country (ISO code); Berlin's for the others of the Greater Region.
    pub fn of_country(code: &str) -> Zone {
        match code {
            "LU" => Zone::Luxembourg,
            "FR" => Zone::Paris,
            _ => Zone::Berlin,
        }
    }

    /// The IANA name, used as TZID.
    pub fn tzid(self) -> &'static str {
        match self {
            Zone::Luxembourg => "Europe/Luxembourg",
            Zone::Paris => "Europe/Paris",
            Zone::Berlin => "Europe/Berlin",
        }
    }

    /// The VTIMEZONE definition: Central European Time with summer time from the last Sunday of
    /// March to the last Sunday of October (since 1996).
    fn definition(self) -> String {
        format!(
            "BEGIN:VTIMEZONE\r\nTZID:{}\r\n\
             BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
             DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
             BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
             DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
             END:VTIMEZONE\r\n",
            self.tzid()
        )
    }
}

/// When an entry takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Whole days, both ends included (a placement window, a visit without times).
    Days {
        /// First day.
        first: Date,
        /// Last day.
        last: Date,
    },
    /// Local times in a city's zone (a scheduled visit with its meeting time).
    Times {
        /// Start.
        start: PrimitiveDateTime,
        /// End.
        end: PrimitiveDateTime,
        /// The zone the times are in.
        zone: Zone,
    },
}

/// Someone an invitation is from or for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// Name as shown.
    pub name: String,
    /// E-mail address.
    pub email: String,
}

/// One calendar entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Unique and stable for the thing it stands for (`visit-42@host`).
    pub uid: String,
    /// Raised each time the entry changes, so that calendars take the new version.
    pub sequence: u32,
    /// Title.
    pub summary: String,
    /// Longer text (agenda, notes).
    pub description: String,
    /// Meeting point.
    pub location: String,
    /// The page it comes from.
    pub url: String,
    /// When.
    pub when: When,
    /// Cancelled entries stay in feeds with STATUS:CANCELLED, so calendars remove them.
    pub cancelled: bool,
    /// When this version was made.
    pub stamp: OffsetDateTime,
    /// Who invites (required for invitations, RFC 5546).
    pub organizer: Option<Party>,
    /// Who is invited (at least one for an invitation).
    pub attendees: Vec<Party>,
}

/// What a calendar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A subscribed feed (no METHOD).
    Feed,
    /// An invitation sent by e-mail (METHOD:REQUEST, or METHOD:CANCEL when cancelled).
    Invitation,
}

/// A TEXT value escaped as RFC 5545 3.3.11 asks, for properties the crate writes raw.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A value as the crate should get it: line breaks as `\n` only (it escapes those, but writes a
/// carriage return raw, which ends the content line and lets a title inject properties such as
/// `UID:`), and no other control characters. `single_line` drops the line breaks too (UIDs, URLs).
fn clean(s: &str, single_line: bool) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| !c.is_control() || (*c == '\n' && !single_line) || *c == '\t')
        .collect()
}

/// A calendar user address property (ORGANIZER, ATTENDEE) with the name as CN.
fn party(key: &str, p: &Party) -> icalendar::Property {
    let email: String = p
        .email
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    // A parameter value may not hold a double quote (RFC 5545 3.1): one would end it early.
    let name: String = p
        .name
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    let mut prop = icalendar::Property::new(key, format!("mailto:{email}"));
    prop.add_parameter("CN", &name);
    prop
}

fn naive_date(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(d.year(), u8::from(d.month()).into(), d.day().into())
        .unwrap_or_default()
}

fn naive(t: PrimitiveDateTime) -> chrono::NaiveDateTime {
    naive_date(t.date())
        .and_hms_opt(t.hour().into(), t.minute().into(), t.second().into())
        .unwrap_or_default()
}

fn utc(t: OffsetDateTime) -> chrono::DateTime<chrono::Utc> {
    let t = t.to_offset(time::UtcOffset::UTC);
    chrono::DateTime::from_naive_utc_and_offset(
        naive(PrimitiveDateTime::new(t.date(), t.time())),
        chrono::Utc,
    )
}

/// The calendar as iCalendar text, named `name` (X-WR-CALNAME, shown by most clients).
pub fn calendar(name: &str, entries: &[Entry], purpose: Purpose) -> String {
    let mut cal = icalendar::Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Passerelle//Exchange programme//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        cal.append_property(icalendar::Property::new(key, value));
    }
    // The crate escapes X-WR-CALNAME but writes NAME (RFC 7986) as it is given.
    let name = clean(name, true);
    cal.append_property(icalendar::Property::new("NAME", escape_text(&name)));
    cal.append_property(icalendar::Property::new("X-WR-CALNAME", &name));
    if purpose == Purpose::Invitation {
        let method = if entries.iter().all(|e| e.cancelled) {
            "CANCEL"
        } else {
            "REQUEST"
        };
        cal.append_property(icalendar::Property::new("METHOD", method));
    }
    let mut zones: Vec<Zone> = Vec::new();
    for e in entries {
        let mut event = icalendar::Event::new();
        event
            .uid(&clean(&e.uid, true))
            .sequence(e.sequence)
            .summary(&clean(&e.summary, false))
            .timestamp(utc(e.stamp))
            .status(if e.cancelled {
                icalendar::EventStatus::Cancelled
            } else {
                icalendar::EventStatus::Confirmed
            });
        if !e.description.is_empty() {
            event.description(&clean(&e.description, false));
        }
        if !e.location.is_empty() {
            event.location(&clean(&e.location, false));
        }
        if !e.url.is_empty() {
            event.url(&clean(&e.url, true));
        }
        if let Some(o) = &e.organizer {
            event.append_property(party("ORGANIZER", o));
        }
        for a in &e.attendees {
            event.append_multi_property(party("ATTENDEE", a));
        }
        match e.when {
            When::Days { first, last } => {
                // DTEND of a whole-day event is the day after the last (RFC 5545 3.6.1).
                let end = last.next_day().unwrap_or(last);
                event.starts(naive_date(first)).ends(naive_date(end));
            }
            When::Times { start, end, zone } => {
                event
                    .starts(icalendar::CalendarDateTime::WithTimezone {
                        date_time: naive(start),
                        tzid: zone.tzid().to_owned(),
                    })
                    .ends(icalendar::CalendarDateTime::WithTimezone {
                        date_time: naive(end),
                        tzid: zone.tzid().to_owned(),
                    });
                if !zones.contains(&zone) {
                    zones.push(zone);
                }
            }
        }
        cal.push(event.done());
    }
    let text = cal.done().to_string();
    if zones.is_empty() {
        return text;
    }
    // The definitions go in before the calendar ends (components may come in any order).
    let end = text.rfind("END:VCALENDAR").unwrap_or(text.len());
    let definitions: String = zones.iter().map(|z| z.definition()).collect();
    format!("{}{definitions}{}", &text[..end], &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn entry() -> Entry {
        Entry {
            uid: "visit-7@passerelle.example".into(),
            sequence: 2,
            summary: "Hospitation: Café Bär, Trier-West; Bewerbungstraining".into(),
            description: "Tag 1: Ankommen, Rundgang.\nTag 2: Training, danach Austausch mit dem Team, \
                          Fragen zur Übertragbarkeit und zur Finanzierung über mehrere Jahre hinweg."
                .into(),
            location: "Café Bär, Trier-West".into(),
            url: "https://passerelle.example/de/visits/7".into(),
            when: When::Times {
                start: datetime!(2027-03-30 09:30),
                end: datetime!(2027-03-31 16:00),
                zone: Zone::Berlin,
            },
            cancelled: false,
            stamp: datetime!(2027-03-01 10:00 UTC),
            organizer: Some(Party {
                name: "Café Bär, Trier-West".into(),
                email: "team@cafe-baer.example".into(),
            }),
            attendees: vec![Party {
                name: "Visitor".into(),
                email: "visitor@metz.example".into(),
            }],
        }
    }

    /// The text parsed back by another crate's parser: the calendar's properties, its events'
    /// properties (name, parameters, value) and its time zones' ids.
    type Parsed = (
        Vec<(String, String)>,
        Vec<Vec<(String, String, String)>>,
        Vec<String>,
    );

    fn parse(text: &str) -> Parsed {
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let cal = parser.next().expect("one calendar").expect("it parses");
        let props = cal
            .properties
            .iter()
            .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
            .collect();
        let events = cal
            .events
            .iter()
            .map(|e| {
                e.properties
                    .iter()
                    .map(|p| {
                        let params = p
                            .params
                            .iter()
                            .flatten()
                            .map(|(k, v)| format!("{k}={}", v.join(",")))
                            .collect::<Vec<_>>()
                            .join(";");
                        (p.name.clone(), params, p.value.clone().unwrap_or_default())
                    })
                    .collect()
            })
            .collect();
        let zones = cal
            .timezones
            .iter()
            .flat_map(|z| z.properties.iter())
            .filter(|p| p.name == "TZID")
            .filter_map(|p| p.value.clone())
            .collect();
        (props, events, zones)
    }

    fn value<'a>(event: &'a [(String, String, String)], name: &str) -> (&'a str, &'a str) {
        event
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, p, v)| (p.as_str(), v.as_str()))
            .unwrap_or_else(|| panic!("no {name} in {event:?}"))
    }

    #[test]
    fn line_breaks_in_texts_cannot_inject_properties() {
        let mut e = entry();
        e.summary = "Title\r\nUID:evil-1\rDTSTART:19700101T000000Z".into();
        e.location = "Trier\r\nATTENDEE:mailto:spy@evil.example".into();
        e.uid = "visit-7\r\nX-EVIL:1@passerelle.example".into();
        let text = calendar("Feed\r\nMETHOD:PUBLISH", &[e], Purpose::Feed);
        assert!(
            !text.lines().any(|l| l.starts_with("UID:evil")
                || l.starts_with("ATTENDEE:mailto:spy")
                || l.starts_with("X-EVIL")
                || l.starts_with("METHOD:PUBLISH")
                || l.starts_with("DTSTART:19700101")),
            "{text}"
        );
        let (props, events, _) = parse(&text);
        assert!(!props.iter().any(|(k, _)| k == "METHOD"));
        let event = &events[0];
        let uids: Vec<_> = event.iter().filter(|(k, _, _)| k == "UID").collect();
        assert_eq!(uids.len(), 1, "{event:?}");
        let summary = event
            .iter()
            .find(|(k, _, _)| k == "SUMMARY")
            .expect("summary");
        assert!(
            summary.2.contains("UID:evil-1"),
            "kept as text: {summary:?}"
        );
        assert_eq!(event.iter().filter(|(k, _, _)| k == "ATTENDEE").count(), 1);
    }

    #[test]
    fn a_visit_invitation_is_valid_folded_escaped_and_in_its_time_zone() {
        let text = calendar("Passerelle; Trier, Metz", &[entry()], Purpose::Invitation);
        assert!(text.contains("\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        }
        assert!(
            text.contains("Trier-West\\;") || text.contains("Trier-West\\,"),
            "commas and semicolons are escaped: {text}"
        );
        let (props, events, zones) = parse(&text);
        assert!(
            props.contains(&("METHOD".into(), "REQUEST".into())),
            "{props:?}"
        );
        assert!(props.contains(&("VERSION".into(), "2.0".into())));
        assert!(
            text.contains("\r\nNAME:Passerelle\\; Trier\\, Metz\r\n"),
            "{text}"
        );
        assert!(
            text.contains("X-WR-CALNAME:Passerelle\\; Trier\\, Metz\r\n"),
            "{text}"
        );
        assert!(props.contains(&(
            "PRODID".into(),
            "-//Passerelle//Exchange programme//EN".into()
        )));
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(value(e, "UID").1, "visit-7@passerelle.example");
        assert_eq!(value(e, "SEQUENCE").1, "2");
        assert_eq!(value(e, "STATUS").1, "CONFIRMED");
        assert_eq!(
            value(e, "DTSTART"),
            ("TZID=Europe/Berlin", "20270330T093000")
        );
        assert_eq!(value(e, "DTEND"), ("TZID=Europe/Berlin", "20270331T160000"));
        assert_eq!(value(e, "DTSTAMP").1, "20270301T100000Z");
        assert_eq!(value(e, "URL").1, "https://passerelle.example/de/visits/7");
        assert_eq!(
            value(e, "ORGANIZER"),
            ("CN=Café Bär, Trier-West", "mailto:team@cafe-baer.example")
        );
        assert_eq!(value(e, "ATTENDEE").1, "mailto:visitor@metz.example");
        // Unfolded, the long description comes back whole, its line break escaped as \n.
        assert!(value(e, "DESCRIPTION").1.contains("Rundgang.\\nTag 2"));
        assert!(
            value(e, "DESCRIPTION")
                .1
                .ends_with("über mehrere Jahre hinweg.")
        );
        assert_eq!(
            zones,
            vec!["Europe/Berlin".to_owned()],
            "every TZID is defined"
        );
    }

    #[test]
    fn a_cancelled_visit_is_sent_as_cancelled() {
        let mut e = entry();
        e.cancelled = true;
        e.sequence = 3;
        let (props, events, _) = parse(&calendar("Passerelle", &[e], Purpose::Invitation));
        assert!(props.contains(&("METHOD".into(), "CANCEL".into())));
        assert_eq!(value(&events[0], "STATUS").1, "CANCELLED");
        assert_eq!(value(&events[0], "SEQUENCE").1, "3");
    }

    #[test]
    fn a_feed_of_windows_has_whole_days_and_no_method() {
        let windows = [
            (date!(2027 - 04 - 01), date!(2027 - 04 - 30), Zone::Paris),
            (
                date!(2027 - 12 - 31),
                date!(2027 - 12 - 31),
                Zone::Luxembourg,
            ),
        ];
        let entries: Vec<Entry> = windows
            .iter()
            .enumerate()
            .map(|(i, (first, last, _))| Entry {
                uid: format!("window-{i}@passerelle.example"),
                when: When::Days {
                    first: *first,
                    last: *last,
                },
                description: String::new(),
                location: String::new(),
                ..entry()
            })
            .collect();
        let (props, events, zones) = parse(&calendar("Placements", &entries, Purpose::Feed));
        assert!(props.iter().all(|(n, _)| n != "METHOD"));
        assert!(zones.is_empty(), "whole days need no time zone");
        assert_eq!(value(&events[0], "DTSTART"), ("VALUE=DATE", "20270401"));
        assert_eq!(value(&events[0], "DTEND"), ("VALUE=DATE", "20270501"));
        assert_eq!(
            value(&events[1], "DTEND").1,
            "20280101",
            "the day after the last"
        );
    }

    #[test]
    fn each_zone_used_is_defined_once_with_summer_time() {
        let mut a = entry();
        a.when = When::Times {
            start: datetime!(2027-07-01 10:00),
            end: datetime!(2027-07-01 12:00),
            zone: Zone::Luxembourg,
        };
        let text = calendar("Passerelle", &[a, entry(), entry()], Purpose::Feed);
        let (_, _, zones) = parse(&text);
        assert_eq!(zones, vec!["Europe/Luxembourg", "Europe/Berlin"]);
        assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        assert!(text.ends_with("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
        assert_eq!(Zone::of_country("FR"), Zone::Paris);
    }
}
