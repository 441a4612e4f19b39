/** The Postgres NOTIFY channel on which writes announce public changes. */
export const PUBLIC_CHANGE_CHANNEL = "status_public_changed";
