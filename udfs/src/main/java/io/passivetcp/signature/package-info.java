/**
 * The p0f v3 signature database ({@code p0f.fp}): the generic grammar (sections, classes, labels, sys, ua_os)
 * and the loaded, immutable {@link io.passivetcp.signature.SignatureDatabase}. The syntax of each {@code sig}
 * line belongs to its fingerprint module ({@code tcp}, {@code http}, {@code mtu}).
 */
package io.passivetcp.signature;
