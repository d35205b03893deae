/** The command line: a thin edge over config, app and demo. Exit status 2 means "refused config". */
package no.meldingsvakt.cli;
