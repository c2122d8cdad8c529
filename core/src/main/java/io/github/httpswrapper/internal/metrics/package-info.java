/**
 * What the wrapper counts and tells: lock-free counters ({@link io.github.httpswrapper.internal.metrics.Metrics}),
 * their immutable snapshot and its Prometheus text form, the optional loopback endpoint that serves them, and
 * the access log (one line per answered request).
 *
 * <p>Labels come only from fixed sets (reason strings defined here, status codes, the policy's own rule texts),
 * never from what a client sends, so the number of time series stays bounded whatever clients do.
 */
package io.github.httpswrapper.internal.metrics;
