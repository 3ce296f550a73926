// The nouns of the simulated organization's Merge setup, so descriptions read like a real customer's
// trail: the integrations it enabled, its end users' linked accounts, common models, keys and hooks.

export type Integration = { name: string; category: string; models: readonly string[] };

const HRIS = ["hris.Employee", "hris.Employment", "hris.Team", "hris.TimeOff", "hris.PayrollRun", "hris.BankInfo"];
const ATS = ["ats.Candidate", "ats.Application", "ats.Job", "ats.Offer", "ats.ScheduledInterview"];
const ACCOUNTING = ["accounting.Invoice", "accounting.Account", "accounting.JournalEntry", "accounting.Payment"];
const CRM = ["crm.Account", "crm.Contact", "crm.Opportunity", "crm.Lead"];
const TICKETING = ["ticketing.Ticket", "ticketing.Comment", "ticketing.Collection"];
const FILES = ["filestorage.File", "filestorage.Folder", "filestorage.Drive"];

export const INTEGRATIONS: readonly Integration[] = [
  { name: "Workday", category: "HRIS", models: HRIS },
  { name: "BambooHR", category: "HRIS", models: HRIS },
  { name: "ADP Workforce Now", category: "HRIS", models: HRIS },
  { name: "Rippling", category: "HRIS", models: HRIS },
  { name: "HiBob", category: "HRIS", models: HRIS },
  { name: "Greenhouse", category: "ATS", models: ATS },
  { name: "Lever", category: "ATS", models: ATS },
  { name: "Ashby", category: "ATS", models: ATS },
  { name: "NetSuite", category: "Accounting", models: ACCOUNTING },
  { name: "QuickBooks Online", category: "Accounting", models: ACCOUNTING },
  { name: "Xero", category: "Accounting", models: ACCOUNTING },
  { name: "Salesforce", category: "CRM", models: CRM },
  { name: "HubSpot", category: "CRM", models: CRM },
  { name: "Jira", category: "Ticketing", models: TICKETING },
  { name: "Zendesk", category: "Ticketing", models: TICKETING },
  { name: "Google Drive", category: "File Storage", models: FILES },
  { name: "Box", category: "File Storage", models: FILES },
];

export const CATEGORIES = ["HRIS", "ATS", "Accounting", "CRM", "Ticketing", "File Storage", "Knowledge Base"] as const;

const END_USERS = [
  "Acme Logistics",
  "Globex Retail",
  "Initech",
  "Umbrella Health",
  "Stark Manufacturing",
  "Wayne Hospitality",
  "Vandelay Imports",
  "Soylent Foods",
  "Cyberdyne Systems",
  "Tyrell Biotech",
  "Massive Dynamic",
  "Wonka Confections",
  "Blue Sun Freight",
  "Gringotts Credit Union",
];

/** Linked accounts as Merge's dashboard names them: end user, then the integration. */
export const LINKED_ACCOUNTS: readonly { label: string; integration: Integration }[] = END_USERS.flatMap(
  (endUser, index) =>
    [index, index + 5].map((offset) => {
      const integration = INTEGRATIONS[(offset * 7) % INTEGRATIONS.length]!;
      return { label: `${endUser} (${integration.name})`, integration };
    }),
);

export const SCOPE_LEVELS = ["Disabled", "Read", "Read+Write"] as const;

export const FIELDS = [
  "cost_center",
  "badge_id",
  "work_location_code",
  "preferred_pronouns",
  "manager_employee_number",
  "tax_region",
  "gl_segment",
  "pipeline_stage",
];

export const REMOTE_FIELDS = [
  "Cost_Center_Reference",
  "customField4711",
  "Work_Location_ID",
  "pronouns__c",
  "Manager_ID",
  "custbody_tax_region",
  "segment_3",
  "dealstage",
];

export const API_KEY_NAMES = {
  production: ["Production backend", "Data warehouse sync", "Onboarding service", "Payroll connector"],
  test: ["Staging smoke tests", "Local development", "CI integration tests", "Sandbox demo"],
};

export const WEBHOOK_URLS = [
  "https://hooks.northwindhr.com/merge",
  "https://api.northwind.dev/webhooks/merge",
  "https://api.northwind.dev/v2/webhooks/merge",
];

export const WEBHOOK_EVENTS = [
  "LinkedAccount.linked",
  "LinkedAccount.sync_completed",
  "LinkedAccount.deleted",
  "hris.Employee.changed",
  "ats.Candidate.added",
  "Issue.opened",
];

export const DESTINATIONS = [
  { kind: "Snowflake", name: "analytics-prod" },
  { kind: "Amazon S3", name: "nw-merge-exports" },
  { kind: "BigQuery", name: "people-data" },
];

export const ISSUES = [
  "Missing permissions for Payroll Runs",
  "Rate limited by third-party API",
  "Invalid credentials: re-authentication required",
  "Custom report is missing required fields",
  "Timeout while fetching time-off requests",
];

export const ORGANIZATION_SETTINGS = [
  "Default sync frequency changed from 24 hours to 6 hours",
  "Session timeout changed from 24 hours to 12 hours",
  "Merge Link theme updated",
  "Organization display name changed to Northwind HR",
  "Allowed redirect domains updated",
  "Required two-factor authentication for all members",
];

export const PERSONAL_CHANGES = [
  "Updated their name",
  "Updated their email address",
  "Updated their phone number",
  "Updated their notification preferences",
];

export const INVITEES = [
  "new.hire@northwindhr.com",
  "kai.andersen@northwindhr.com",
  "nadia.petrova@northwind.dev",
  "oscar.lindqvist@northwind.dev",
  "ruth.mensah@northwindhr.com",
  "viktor.horvat@northwind.dev",
];

export const ROLE_NAMES = ["Admin", "Developer", "Member"];
