/**
 * mDNS / DNS-SD discovery of discovery controllers (TP8009): the browser port
 * ({@link org.nvmexpress.discoverd.mdns.ServiceBrowser}), the instances and events it reports, and
 * the rule that turns an announcement into a discovery controller's TID (TXT {@code p=} and
 * {@code nqn=}, the interface as {@code host-iface}).
 *
 * <p><b>Owns:</b> the port and its events, the TXT rule, and the avahi-daemon adapter over
 * dbus-java. The systemd-resolved adapter lives with the varlink client it speaks through.
 *
 * <p><b>May import:</b> tid and the packages below it.
 *
 * <p><b>Threading:</b> adapters report on their own thread; the daemon hands events to its loop.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.mdns.ServiceBrowser}.
 */
package org.nvmexpress.discoverd.mdns;
