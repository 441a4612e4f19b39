import type { ComponentStatus } from "@/server/components/status";
import type { OverallStatus } from "@/server/public/overall-status";

// What the public may see. Everything public is rendered from these shapes and nothing else, so
// internal fields (owners, contacts, runbooks, notes, drafts) cannot leak: they are not here.

export interface PublicPage {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  description: string | null;
  logoUrl: string | null;
  brandColor: string;
  footerLinks: { label: string; url: string }[];
  updatedAt: string;
}

export interface PublicGroup {
  id: string;
  name: string;
  description: string | null;
  position: number;
  componentIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PublicComponent {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  position: number;
  groupId: string | null;
  onlyShowIfDegraded: boolean;
  showcase: boolean;
  startDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PublicStatusView {
  page: PublicPage;
  status: OverallStatus;
  groups: PublicGroup[];
  components: PublicComponent[];
  /** When this view was last read from the database. */
  confirmedAt: string;
}
