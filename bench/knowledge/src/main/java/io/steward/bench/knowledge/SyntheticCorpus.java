package io.steward.bench.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic knowledge base of a small company: support cases, policies, invoices,
 * travel, IT, HR and sales notes, one passage per CSV row ({@code case,department,note}). Passages
 * are 2–4 sentences (about 250–450 characters) combining a topic's sentence templates with names,
 * companies, products, places, amounts and dates, and every row carries a unique case number, so no
 * two passages are equal. The same seed gives the same corpus and the same queries.
 */
final class SyntheticCorpus {

  /**
   * A row as uploaded and the passage text Steward makes of it (what gets embedded); {@code
   * templates} names the sentence templates it was written from (department × 10 + sentence).
   */
  record Row(int caseNumber, String department, String note, List<Integer> templates) {

    /** Steward's CSV reader joins a row as "column: value; column: value". */
    String passage() {
      return "case: " + caseNumber + "; department: " + department + "; note: " + note;
    }

    String csvLine() {
      return caseNumber + "," + department + "," + quote(note);
    }
  }

  static final String CSV_HEADER = "case,department,note";

  private static final String[] FIRST = {
    "Nora", "Liam", "Amelia", "Jonas", "Priya", "Mateo", "Sofia", "Ethan", "Hannah", "Omar",
    "Chloe", "Lukas", "Aisha", "Daniel", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jack",
    "Klara", "Leon", "Maya", "Noah", "Olivia", "Paul", "Rosa", "Samuel", "Tara", "Victor"
  };
  private static final String[] LAST = {
    "Schmidt", "Okafor", "Rossi", "Nguyen", "Patel", "Garcia", "Novak", "Berg", "Dubois",
        "Kowalski",
    "Haddad", "Larsen", "Moreau", "Fischer", "Silva", "Andersen", "Keller", "Murphy", "Tanaka",
        "Weber"
  };
  private static final String[] COMPANIES = {
    "Acme Logistics",
    "Globex",
    "Initech",
    "Umbrella Foods",
    "Stark Fabrication",
    "Wayne Textiles",
    "Hooli",
    "Vandelay Imports",
    "Soylent Farms",
    "Cyberdyne Systems",
    "Tyrell Optics",
    "Wonka Sweets",
    "Oceanic Air",
    "Pied Piper",
    "Monarch Studios",
    "Bluth Homes",
    "Dunder Paper",
    "Prestige Worldwide",
    "Gringotts Finance",
    "Nakatomi Trading",
    "Sterling Cooper",
    "Massive Dynamic",
    "Aperture Labs",
    "Black Mesa Energy",
    "Zorg Industries",
    "Duff Beverages",
    "Krusty Catering",
    "Virtucon",
    "Oscorp Chemicals",
    "Rekall Travel"
  };
  private static final String[] PRODUCTS = {
    "office chairs", "standing desks", "laptop docks", "label printers", "coffee machines",
    "LED panels", "safety boots", "packaging tape", "pallet wrap", "conference phones",
    "monitor arms", "barcode scanners", "paper towels", "water filters", "shelving units",
    "forklift batteries", "hand sanitiser", "routers", "webcams", "ergonomic keyboards"
  };
  private static final String[] CITIES = {
    "Berlin", "Lyon", "Porto", "Krakow", "Dublin", "Milan", "Rotterdam", "Vienna", "Oslo",
        "Seville",
    "Leeds", "Gothenburg", "Brno", "Ghent", "Turin", "Bordeaux", "Aarhus", "Graz", "Bilbao", "Cork"
  };
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  /** Sentence templates per department; {p} person, {c} company, {x} product, {t} city, ... */
  private static final String[][] DEPARTMENTS = {
    {
      "Returns",
      "{p} from {c} asked to send back {n} {x} that arrived damaged in {t}.",
      "Customers may return unused goods within {d} days of delivery for a full refund.",
      "The refund of {a} EUR was approved by {p2} and paid to the original card.",
      "A return label was e-mailed and the courier collects the parcel on {w}.",
      "Items without their original packaging are refunded at eighty percent of the price.",
      "The warehouse in {t} inspects returned {x} before the money goes back.",
      "{c} was offered a credit note instead of a cash refund and accepted it."
    },
    {
      "Billing",
      "Invoice {r} for {n} {x} was charged twice to {c} in {m}.",
      "{p2} cancelled the duplicate charge and {c} received a corrected invoice.",
      "Payment terms for {c} are {d} days net; reminders go out after one week overdue.",
      "The customer disputed a late fee of {a} EUR, which finance waived as a goodwill gesture.",
      "Invoices are sent as PDF on the first working day of the month.",
      "{c} changed its billing address to the office in {t}.",
      "A partial payment of {a} EUR arrived and the balance is due by the end of {m}."
    },
    {
      "Shipping",
      "The delivery of {n} {x} to {c} in {t} was delayed by a strike at the port.",
      "Express shipping within the country takes two working days and costs {a} EUR.",
      "{p} tracked the parcel, which was stuck at the depot in {t} until {w}.",
      "Orders placed before noon leave the warehouse the same day.",
      "The carrier lost one pallet of {x}; a replacement shipment left on {w}.",
      "{c} asks for deliveries only between eight and eleven in the morning.",
      "Customs paperwork for the shipment to {t} was completed by {p2}."
    },
    {
      "Travel",
      "Train tickets for business trips are booked through the office manager, {p2}.",
      "{p} travelled to {t} in {m} to visit {c} and spent {a} EUR on hotels.",
      "Economy class is the rule for flights shorter than six hours.",
      "Expense reports with receipts must be filed within {d} days after returning.",
      "The daily meal allowance abroad is {a} EUR; alcohol is not reimbursed.",
      "{p} rented a car in {t} because the trade fair was outside the city.",
      "Hotel bookings above the company rate need approval from a director."
    },
    {
      "IT",
      "Employees must lock their screens when leaving the desk.",
      "{p} reported a phishing e-mail pretending to come from {c}.",
      "Laptops are encrypted and replaced every {y} years by the service desk.",
      "The VPN certificate of the {t} office expires in {m} and will be renewed by {p2}.",
      "Passwords must be at least fourteen characters and are never shared by e-mail.",
      "A broken docking station was swapped for one of the new {x} on {w}.",
      "Backups of the file server run every night and are kept for {d} days."
    },
    {
      "People",
      "New hires get their laptop and badge on the first morning from {p2}.",
      "{p} joins the sales team in {t} on the first of {m}.",
      "Holiday requests are approved by the team lead at least {d} days ahead.",
      "The company pays half of the public transport season ticket.",
      "{p} finished the probation period and moved to a permanent contract.",
      "Parental leave is arranged with the people team at least two months in advance.",
      "The annual review of {p} is planned for {m} with {p2}."
    },
    {
      "Sales",
      "{p} met {c} in {t} to discuss an order of {n} {x}.",
      "The deal with {c} is worth {a} EUR and is expected to close in {m}.",
      "{c} asked for a volume discount of {d} percent on {x}.",
      "A demo of the ordering portal for {c} is booked for {w} with {p2}.",
      "{c} signed a two-year framework agreement covering {x}.",
      "The pipeline review showed the deal with {c} stalled because of budget cuts.",
      "{p} sent {c} a revised quote after the call on {w}."
    },
    {
      "Facilities",
      "The heating in the {t} office was repaired on {w} after two cold days.",
      "Meeting rooms are booked in the calendar and released after fifteen minutes unused.",
      "{p2} ordered {n} new {x} for the second floor.",
      "The cleaning contract with {c} ends in {m} and will be renegotiated.",
      "Visitors sign in at reception and wear a badge at all times.",
      "The fire drill in {t} is scheduled for {w} morning.",
      "The kitchen coffee machine is descaled every {d} days by the facilities team."
    },
    {
      "Support",
      "{p} from {c} could not log in to the customer portal after a password reset.",
      "The hotline is open from eight to six on weekdays.",
      "Tickets are answered within {d} hours; urgent ones within one hour.",
      "{p2} escalated the outage reported by {c} to the engineering team.",
      "{c} reported that the {x} firmware update failed on {n} devices.",
      "A workaround was sent to {p} and the ticket was closed on {w}.",
      "Customer satisfaction for {m} was rated four point {d} out of five."
    },
    {
      "Purchasing",
      "A purchase order for {n} {x} was placed with {c} at {a} EUR.",
      "Orders above {a} EUR need a second signature from finance.",
      "{c} raised its prices for {x} by {d} percent from {m}.",
      "{p2} compared three suppliers of {x} before choosing {c}.",
      "The supplier in {t} confirmed delivery of the {x} for {w}.",
      "Framework contracts are reviewed once a year in {m}.",
      "{p} returned a faulty batch of {x} to {c} for credit."
    }
  };

  /** Query templates per department, written like a person asks (paraphrases, not copies). */
  private static final String[][] QUERIES = {
    {
      "how long can customers send goods back",
      "refund for damaged {x}",
      "did {c} get a credit note",
      "courier pickup for a return",
      "returned items without box refund amount"
    },
    {
      "customer billed twice for the same invoice",
      "payment terms for {c}",
      "late fee waived",
      "when are invoices sent out",
      "{c} billing address change"
    },
    {
      "why was the delivery to {t} late",
      "cost of express delivery",
      "lost pallet replacement",
      "delivery time window for {c}",
      "shipment stuck at depot"
    },
    {
      "who books train tickets for work trips",
      "meal allowance when travelling abroad",
      "deadline for expense reports",
      "can I fly business class",
      "hotel costs for the visit to {c}"
    },
    {
      "lock computer when away from desk",
      "phishing mail pretending to be {c}",
      "minimum password length",
      "how often are laptops replaced",
      "how long are backups kept"
    },
    {
      "first day equipment for new employees",
      "who joins the team in {t}",
      "how early to ask for vacation",
      "public transport ticket subsidy",
      "parental leave planning"
    },
    {
      "meeting with {c} about an order",
      "expected close of the {c} deal",
      "discount requested by {c}",
      "why did the deal stall",
      "revised quote for {c}"
    },
    {
      "heating broken in the {t} office",
      "how to book a meeting room",
      "cleaning contract renewal",
      "visitor badge rules",
      "fire drill date in {t}"
    },
    {
      "cannot log in after password reset",
      "support hotline opening hours",
      "ticket response time",
      "firmware update failure at {c}",
      "outage escalated to engineering"
    },
    {
      "purchase order for {x}",
      "who must sign large orders",
      "price increase from {c}",
      "choosing a supplier for {x}",
      "faulty batch sent back to {c}"
    }
  };

  private SyntheticCorpus() {}

  /** {@code count} rows; case numbers are unique (100000 + a permutation of the row indexes). */
  static List<Row> rows(int count, long seed) {
    Random random = new Random(seed);
    int[] numbers = new int[count];
    for (int i = 0; i < count; i++) {
      numbers[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = numbers[i];
      numbers[i] = numbers[j];
      numbers[j] = swap;
    }
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
      int sentences = 2 + random.nextInt(3);
      List<Integer> picked = new ArrayList<>();
      while (picked.size() < sentences) {
        int s = 1 + random.nextInt(department.length - 1);
        if (!picked.contains(s)) {
          picked.add(s);
        }
      }
      StringBuilder note = new StringBuilder();
      Slots slots = new Slots(random, 100000 + numbers[i]);
      for (int s : picked) {
        note.append(note.isEmpty() ? "" : " ").append(slots.fill(department[s]));
      }
      note.append(" Case owner: ").append(slots.person2).append('.');
      int d = java.util.Arrays.asList(DEPARTMENTS).indexOf(department);
      rows.add(
          new Row(
              100000 + numbers[i],
              department[0],
              note.toString(),
              picked.stream().map(sentence -> d * 10 + sentence).toList()));
    }
    return rows;
  }

  /**
   * A search query; for a paraphrase of a topic, the sentence templates that answer it (department
   * × 10 + sentence) and the company, city or product it names (or null); for the others, no
   * targets.
   */
  record Query(String text, List<Integer> targets, String entity) {}

  /** The sentences of DEPARTMENTS each query template of QUERIES paraphrases (1-based). */
  private static final int[][][] TARGETS = {
    {{2}, {1}, {7}, {4}, {5}},
    {{1, 2}, {3}, {4}, {5}, {6}},
    {{1}, {2}, {5}, {6}, {3}},
    {{1}, {5}, {4}, {3}, {2, 7}},
    {{1}, {2}, {5}, {3}, {7}},
    {{1}, {2}, {3}, {4}, {6}},
    {{1}, {2}, {3}, {6}, {7}},
    {{1}, {2}, {4}, {5}, {6}},
    {{1}, {2}, {3}, {5}, {4}},
    {{1}, {2}, {3}, {4}, {7}}
  };

  /**
   * {@code count} search queries: two thirds paraphrases of a topic (some naming a company, city or
   * product), one sixth a case number of the corpus, one sixth a person's name with a topic word.
   */
  static List<String> queries(int count, int corpusSize, long seed) {
    return labelledQueries(count, corpusSize, seed).stream().map(Query::text).toList();
  }

  static List<Query> labelledQueries(int count, int corpusSize, long seed) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<Query> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(6);
      int d = random.nextInt(QUERIES.length);
      if (kind == 0) {
        queries.add(new Query("case " + (100000 + random.nextInt(corpusSize)), List.of(), null));
      } else if (kind == 1) {
        String[] words = {"refund", "invoice", "delivery", "trip", "laptop", "review", "deal"};
        queries.add(
            new Query(
                FIRST[random.nextInt(FIRST.length)]
                    + " "
                    + LAST[random.nextInt(LAST.length)]
                    + " "
                    + words[random.nextInt(words.length)],
                List.of(),
                null));
      } else {
        int j = random.nextInt(QUERIES[d].length);
        String template = QUERIES[d][j];
        Slots slots = new Slots(random, 0);
        String entity =
            template.contains("{c}")
                ? slots.company
                : template.contains("{t}")
                    ? slots.city
                    : template.contains("{x}") ? slots.product : null;
        List<Integer> targets = new ArrayList<>();
        for (int sentence : TARGETS[d][j]) {
          targets.add(d * 10 + sentence);
        }
        queries.add(new Query(slots.fill(template), targets, entity));
      }
    }
    return queries;
  }

  /** The rows as CSV documents of {@code rowsPerDocument} rows each. */
  static List<byte[]> csvDocuments(List<Row> rows, int rowsPerDocument) {
    List<byte[]> documents = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += rowsPerDocument) {
      StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
      for (Row row : rows.subList(from, Math.min(rows.size(), from + rowsPerDocument))) {
        csv.append(row.csvLine()).append('\n');
      }
      documents.add(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    return documents;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** One passage's slot values, drawn once so a passage speaks of one case consistently. */
  private static final class Slots {
    final String person;
    final String person2;
    final String company;
    final String product;
    final String city;
    final String month;
    final String day;
    final int reference;
    final int quantity;
    final int amount;
    final int days;
    final int years;

    Slots(Random random, int caseNumber) {
      person = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      person2 = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      company = COMPANIES[random.nextInt(COMPANIES.length)];
      product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      city = CITIES[random.nextInt(CITIES.length)];
      month = MONTHS[random.nextInt(MONTHS.length)];
      day = DAYS[random.nextInt(DAYS.length)];
      reference = caseNumber == 0 ? 0 : 20000 + random.nextInt(80000);
      quantity = 2 + random.nextInt(498);
      amount = 20 + random.nextInt(9980);
      days = 3 + random.nextInt(58);
      years = 2 + random.nextInt(4);
    }

    String fill(String template) {
      return template
          .replace("{p2}", person2)
          .replace("{p}", person)
          .replace("{c}", company)
          .replace("{x}", product)
          .replace("{t}", city)
          .replace("{m}", month)
          .replace("{w}", day)
          .replace("{r}", "INV-" + reference)
          .replace("{n}", Integer.toString(quantity))
          .replace("{a}", Integer.toString(amount))
          .replace("{d}", Integer.toString(days))
          .replace("{y}", Integer.toString(years));
    }
  }
}
