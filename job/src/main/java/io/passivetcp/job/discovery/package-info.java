/**
 * Signature discovery: reads the Parquet tables of a run, gathers for each TCP signature that no specific
 * signature matched exactly the evidence its hosts gave the same day (User-Agent OS, JA4, distance, MTU), and
 * proposes p0f {@code sig} lines for a person to review. Nothing here changes a database.
 */
package io.passivetcp.job.discovery;
