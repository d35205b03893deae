/**
 * What a notice says, read the way a careful person reads it: the organisation it is about, the
 * time window (Norwegian date and time forms, Europe/Oslo), the phone number for patient-related
 * information, the affected services, and the ways the notice falls short of the routine
 * ({@code problems}). Pure functions over text: nothing here touches a mailbox or the store.
 */
package no.meldingsvakt.extract;
