// Who acts in the simulated organization ("Northwind HR", a Merge customer): ~30 people, Merge staff,
// an outside auditor whose role Merge's enum does not list yet, and the SYSTEM and API actors.
// Names, emails and roles change over time, because Merge reports them as they were at each event.

export type Identity = { name: string | null; email: string | null; role: string };

/** What an actor may do, derived from the role it had at the time. */
export type ActorKind = "admin" | "developer" | "member" | "staff" | "auditor" | "system" | "api";

export type Actor = {
  /** How busy this actor is, relative to others of its kind. */
  activity: number;
  /** Versions over time; `from` is the fraction of the data window where the version starts. */
  versions: readonly { from: number; identity: Identity }[];
  ips: readonly string[];
};

const COMPANY = "northwindhr.com";
const ENGINEERING = "northwind.dev";

export function kindOfRole(role: string): ActorKind {
  switch (role) {
    case "ADMIN":
      return "admin";
    case "DEVELOPER":
      return "developer";
    case "MERGE_TEAM":
    case "SUPPORT":
      return "staff";
    case "SYSTEM":
      return "system";
    case "API":
      return "api";
    case "MEMBER":
      return "member";
    default:
      // Roles Merge adds later (AUDITOR here) behave like read-mostly members.
      return "auditor";
  }
}

type PersonSpec = [name: string, local: string, domain: string, role: string, activity: number];

const PEOPLE: readonly PersonSpec[] = [
  ["Olivia Bennett", "olivia.bennett", COMPANY, "ADMIN", 5],
  ["James Okoro", "james.okoro", COMPANY, "ADMIN", 3],
  ["Mei Tanaka", "mei.tanaka", ENGINEERING, "ADMIN", 2],
  ["Carlos Mendoza", "carlos.mendoza", ENGINEERING, "DEVELOPER", 6],
  ["Priya Raman", "priya.raman", ENGINEERING, "DEVELOPER", 5],
  ["Noah Schmidt", "noah.schmidt", ENGINEERING, "DEVELOPER", 4],
  ["Fatima Al-Sayed", "fatima.alsayed", ENGINEERING, "DEVELOPER", 3],
  ["Liam O'Connor", "liam.oconnor", ENGINEERING, "DEVELOPER", 3],
  ["Yuki Nakamura", "yuki.nakamura", ENGINEERING, "DEVELOPER", 2],
  ["Ethan Brooks", "ethan.brooks", ENGINEERING, "DEVELOPER", 2],
  ["Zara Hussain", "zara.hussain", ENGINEERING, "DEVELOPER", 1],
  ["Tom Becker", "Tom.Becker", COMPANY, "MEMBER", 3],
  ["Grace Liu", "grace.liu", COMPANY, "MEMBER", 3],
  ["Samuel Adeyemi", "samuel.adeyemi", COMPANY, "MEMBER", 2],
  ["Isabella Rossi", "isabella.rossi", COMPANY, "MEMBER", 2],
  ["Lucas Moreau", "lucas.moreau", COMPANY, "MEMBER", 2],
  ["Amara Nwosu", "amara.nwosu", COMPANY, "MEMBER", 2],
  ["Daniel Park", "daniel.park", COMPANY, "MEMBER", 1],
  ["Chloe Dubois", "chloe.dubois", COMPANY, "MEMBER", 1],
  ["Mateo García", "mateo.garcia", COMPANY, "MEMBER", 1],
  ["Emily Walsh", "emily.walsh", COMPANY, "MEMBER", 1],
  ["Arjun Mehta", "arjun.mehta", COMPANY, "MEMBER", 1],
  ["Sofia Novak", "sofia.novak", COMPANY, "MEMBER", 1],
  ["Ben Carter", "ben.carter", COMPANY, "MEMBER", 1],
];

function homeIp(index: number): string {
  // Documentation ranges (RFC 5737 / RFC 3849): realistic shapes that can never be someone's address.
  return index % 3 === 0
    ? `2001:db8:${(0x1a00 + index * 37).toString(16)}:${(index * 11 + 3).toString(16)}::${(index * 97 + 1).toString(16)}`
    : `198.51.100.${20 + index * 3}`;
}

const OFFICE_IPS = ["203.0.113.10", "203.0.113.11", "2001:db8:4e57::10"] as const;

function person([name, local, domain, role, activity]: PersonSpec, index: number): Actor {
  return {
    activity,
    versions: [{ from: 0, identity: { name, email: `${local}@${domain}`, role } }],
    ips: [OFFICE_IPS[index % 2]!, OFFICE_IPS[2], homeIp(index)],
  };
}

// People whose identity changes during the window: a name and email change after a marriage, a move
// to the engineering domain, two promotions. Filtering by one email must find only that era.
const CHANGING: readonly Actor[] = [
  {
    activity: 4,
    versions: [
      { from: 0, identity: { name: "Sarah Chen", email: `sarah.chen@${COMPANY}`, role: "ADMIN" } },
      { from: 0.45, identity: { name: "Sarah Okafor", email: `sarah.okafor@${COMPANY}`, role: "ADMIN" } },
    ],
    ips: ["203.0.113.10", "2001:db8:5c3e:9::21"],
  },
  {
    activity: 3,
    versions: [
      { from: 0, identity: { name: "Lena Fischer", email: `lena.fischer@${COMPANY}`, role: "DEVELOPER" } },
      { from: 0.3, identity: { name: "Lena Fischer", email: `lena.fischer@${ENGINEERING}`, role: "DEVELOPER" } },
    ],
    ips: ["203.0.113.11", "198.51.100.77"],
  },
  {
    activity: 2,
    versions: [
      { from: 0, identity: { name: "Marcus Webb", email: `marcus.webb@${COMPANY}`, role: "MEMBER" } },
      { from: 0.35, identity: { name: "Marcus Webb", email: `marcus.webb@${COMPANY}`, role: "DEVELOPER" } },
    ],
    ips: ["203.0.113.10", "198.51.100.91"],
  },
  {
    activity: 3,
    versions: [
      { from: 0, identity: { name: "Aisha Patel", email: `aisha.patel@${ENGINEERING}`, role: "DEVELOPER" } },
      { from: 0.6, identity: { name: "Aisha Patel", email: `aisha.patel@${ENGINEERING}`, role: "ADMIN" } },
    ],
    ips: ["2001:db8:4e57::10", "2001:db8:77aa:3::5"],
  },
];

const OUTSIDERS: readonly Actor[] = [
  {
    activity: 2,
    versions: [{ from: 0, identity: { name: "Daniel Kim", email: "daniel.kim@merge.dev", role: "MERGE_TEAM" } }],
    ips: ["192.0.2.44"],
  },
  {
    activity: 2,
    versions: [{ from: 0, identity: { name: "Rosa Alvarez", email: "rosa.alvarez@merge.dev", role: "SUPPORT" } }],
    ips: ["192.0.2.45", "2001:db8:3e7:1::45"],
  },
  {
    // A role Merge's RoleEnum does not have: the dashboard must show it, not drop the event.
    activity: 8,
    versions: [
      { from: 0.7, identity: { name: "Hannah Schultz", email: "hannah.schultz@ledgerline-audit.com", role: "AUDITOR" } },
    ],
    ips: ["198.51.100.200"],
  },
  {
    activity: 40,
    versions: [{ from: 0, identity: { name: null, email: null, role: "SYSTEM" } }],
    ips: ["192.0.2.10", "192.0.2.11"],
  },
  {
    activity: 60,
    versions: [{ from: 0, identity: { name: null, email: null, role: "API" } }],
    ips: ["198.51.100.23", "198.51.100.24", "2001:db8:a11:5::7"],
  },
];

export const ACTORS: readonly Actor[] = [...PEOPLE.map(person), ...CHANGING, ...OUTSIDERS];
