import type { ContactRow } from "@/lib/services/contacts/list-contacts";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";

export type { ContactRow };

export interface Label {
  id: string;
  name: string;
}

export interface FieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
}

export interface ContactsPage {
  contacts: ContactRow[];
  nextCursor?: string;
  previousCursor?: string;
  total: number;
}

/** What the page gives the table: the workspace's labels and fields, and what the viewer may do. */
export interface TableSetup {
  slug: string;
  timeZone: string;
  groups: Label[];
  tags: (Label & { color: string | null })[];
  fields: FieldDefinition[];
  canDelete: boolean;
  canExport: boolean;
}

export interface SegmentOption {
  id: string;
  name: string;
  filter: ContactFilter;
}
