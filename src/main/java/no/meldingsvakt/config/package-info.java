/**
 * Loads the administrator's YAML once into immutable values and rejects what it cannot trust:
 * unknown or missing keys, bad addresses, routes naming lists that do not exist, secrets written
 * into the file. Every error names the file, line, column and key path.
 */
package no.meldingsvakt.config;
