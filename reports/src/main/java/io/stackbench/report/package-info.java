/**
 * Renders run results for CI and for people: the console summary, JUnit XML, and golden-capture
 * comparison with packets decoded by pcap4j (never by the stack's codecs) field by field.
 */
package io.stackbench.report;
