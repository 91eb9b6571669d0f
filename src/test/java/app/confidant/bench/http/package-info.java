/**
 * The HTTP benchmark ({@code HttpBench}): the bench WAR launched like production, a load generator in a separate JVM
 * over HTTPS on loopback, six scenarios each against a baseline measured in the same run, and the report (Markdown,
 * JSON, SVG). Test sources only, never deployed: the server side of the baselines lives in {@code app.confidant.bench}.
 */
package app.confidant.bench.http;
