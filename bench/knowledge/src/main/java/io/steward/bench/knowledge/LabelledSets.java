package io.steward.bench.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search-quality sets with known answers: a set of passages, and queries each answered by one of
 * them.
 */
final class LabelledSets {

  /** Passages by name, and query → name of the passage that answers it. */
  record LabelledSet(String name, Map<String, String> passages, Map<String, String> queries) {}

  private LabelledSets() {}

  static List<LabelledSet> all() {
    return List.of(searchQualityIt(), paraphrases());
  }

  /**
   * The corpus and queries of {@code KnowledgeSearchQualityIT} (ear/src/test), verbatim: three
   * paraphrase queries, and three reference numbers that one long report mentions in passing while
   * short invoices carry look-alike numbers.
   */
  static LabelledSet searchQualityIt() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("period for getting a reimbursement on bought products", "refunds.txt");
    queries.put("staff should secure computers before stepping away", "screens.txt");
    queries.put("who arranges rail travel on work journeys", "travel.txt");
    queries.put("88213", "report-north.txt");
    queries.put("61742", "report-south.txt");
    queries.put("50391", "report-east.txt");
    Map<String, String> corpus = new LinkedHashMap<>();
    corpus.put(
        "refunds.txt",
        "Customers may return purchased goods within thirty days and receive their money back.");
    corpus.put("screens.txt", "Employees must lock their screens when leaving the desk.");
    corpus.put(
        "travel.txt", "Train tickets for business trips are booked through the office manager.");
    corpus.put("report-north.txt", report("northern", "88213"));
    corpus.put("report-south.txt", report("southern", "61742"));
    corpus.put("report-east.txt", report("eastern", "50391"));
    for (String number : new String[] {"88231", "88123", "61724", "61472", "50319", "50913"}) {
      corpus.put("invoice-" + number + ".txt", "Invoice " + number + " was paid in full.");
    }
    return new LabelledSet("KnowledgeSearchQualityIT", corpus, queries);
  }

  private static String report(String region, String reference) {
    return "The "
        + region
        + " region closed the quarter with steady revenue, two new hires in sales and a"
        + " renovated showroom. Marketing ran a spring campaign on social media, the warehouse"
        + " moved to a new shelving system, and customer satisfaction rose slightly after the"
        + " hotline hours were extended. The board asked for a plan to reduce energy costs and"
        + " to renegotiate the cleaning contract. Minutes are filed under reference "
        + reference
        + " in the archive.";
  }

  /**
   * 40 passages of a company handbook and 40 questions that paraphrase one each, mostly without
   * sharing its words; neighbouring passages share the topic, so a near miss ranks the wrong one.
   */
  static LabelledSet paraphrases() {
    String[][] pairs = {
      {
        "Customers may return unused goods within thirty days of delivery for a full refund.",
        "how many days does a buyer have to send back a purchase and get the money"
      },
      {
        "Items returned without their original packaging are refunded at eighty percent of the"
            + " price.",
        "is the reimbursement lower when the box is missing"
      },
      {
        "Invoices are sent as PDF files on the first working day of each month.",
        "when do clients receive their bills"
      },
      {
        "Payment is due thirty days after the invoice date; a reminder follows one week after.",
        "deadline to settle what we charged"
      },
      {
        "A late fee of two percent is added when a payment is more than fourteen days overdue.",
        "penalty for paying too late"
      },
      {
        "Express shipping inside the country takes two working days.",
        "fastest domestic delivery option duration"
      },
      {
        "Orders placed before noon leave the warehouse on the same day.",
        "cut-off time for same-day dispatch"
      },
      {
        "Train tickets for business trips are booked through the office manager.",
        "who organises rail travel for work journeys"
      },
      {
        "Economy class is the rule for flights shorter than six hours.",
        "may I fly premium on a short flight"
      },
      {
        "Expense reports with receipts must be filed within ten days after returning from a trip.",
        "how soon after travelling do I submit my costs"
      },
      {
        "The daily meal allowance abroad is forty euros; alcohol is not reimbursed.",
        "food budget per day on foreign business travel"
      },
      {
        "Employees must lock their screens when leaving the desk.",
        "staff should secure computers before stepping away"
      },
      {
        "Passwords must be at least fourteen characters long and are never shared by e-mail.",
        "minimum length of a login secret"
      },
      {
        "Laptops are encrypted and replaced every four years by the service desk.",
        "how often do we get new notebooks"
      },
      {
        "Backups of the file server run every night and are kept for ninety days.",
        "retention period of nightly copies of shared drives"
      },
      {
        "Suspicious e-mails are forwarded to the security team and then deleted.",
        "what to do with a message that looks like phishing"
      },
      {
        "New hires receive their laptop and access badge on the first morning.",
        "equipment handed out on day one of a new job"
      },
      {
        "Holiday requests are approved by the team lead at least two weeks ahead.",
        "how early should vacation be requested"
      },
      {
        "The company pays half of the public transport season ticket.",
        "subsidy for bus and metro passes"
      },
      {
        "Parental leave is arranged with the people team at least two months in advance.",
        "planning time off after having a baby"
      },
      {
        "The probation period lasts six months, with a review after three.",
        "length of the trial phase for new staff"
      },
      {
        "Remote work is allowed up to three days a week after agreement with the manager.",
        "how many days can I work from home"
      },
      {
        "Meeting rooms are booked in the shared calendar and released after fifteen minutes"
            + " unused.",
        "reserving a room for a discussion"
      },
      {
        "Visitors sign in at reception and wear a badge at all times.",
        "rules for guests entering the building"
      },
      {
        "The fire drill takes place twice a year; everyone gathers in the car park.",
        "where to assemble during an evacuation exercise"
      },
      {
        "The kitchen coffee machine is descaled every two weeks by the facilities team.",
        "who cleans the espresso maker"
      },
      {
        "The customer hotline is open from eight to six on weekdays.",
        "at what hours can clients phone us"
      },
      {
        "Support tickets are answered within four hours; urgent ones within one hour.",
        "response time promise for help requests"
      },
      {
        "Outages reported by customers are escalated to the engineering on-call rota.",
        "who handles a service disruption a client tells us about"
      },
      {
        "Purchase orders above five thousand euros need a second signature from finance.",
        "approval needed for big buying decisions"
      },
      {
        "Framework contracts with suppliers are reviewed once a year in October.",
        "annual check of vendor agreements"
      },
      {
        "We compare at least three quotes before choosing a new supplier.",
        "how many offers to collect before picking a vendor"
      },
      {
        "Sales discounts above fifteen percent need approval from the sales director.",
        "who must agree to a large price reduction for a client"
      },
      {
        "Every new lead is contacted within two working days of the first enquiry.",
        "how quickly do we reach out to prospects"
      },
      {
        "Deals are marked lost after ninety days without contact.",
        "when is an opportunity considered dead"
      },
      {
        "Personal data of customers is deleted three years after the last order.",
        "how long do we keep client information"
      },
      {
        "Company cars may be used privately; fuel for private trips is paid by the driver.",
        "can I use the firm's vehicle at the weekend"
      },
      {
        "Overtime is compensated with time off within the following quarter.",
        "what do I get for working extra hours"
      },
      {
        "Sick leave of more than three days requires a doctor's certificate.",
        "when is a medical note needed for illness"
      },
      {
        "The office is closed between Christmas and New Year.",
        "holiday shutdown at the end of December"
      }
    };
    Map<String, String> passages = new LinkedHashMap<>();
    Map<String, String> queries = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i++) {
      String name = "handbook-" + (i + 1);
      passages.put(name, pairs[i][0]);
      queries.put(pairs[i][1], name);
    }
    return new LabelledSet("handbook paraphrases (bench)", passages, queries);
  }
}
