/**
 * What Meldingsvakt does about a message, one small step per class: open or join a case
 * ({@link no.meldingsvakt.action.CaseRefs}), pick recipient lists ({@link no.meldingsvakt.action.SelectRoutes}),
 * confirm receipt ({@link no.meldingsvakt.action.SendReceipt}), pass the message on
 * ({@link no.meldingsvakt.action.ListMail}). {@link no.meldingsvakt.action.NoticePipeline} runs them
 * and returns every effect as one {@link no.meldingsvakt.store.Intake}; nothing here sends or stores.
 */
package no.meldingsvakt.action;

import no.meldingsvakt.outbound.ListMail;