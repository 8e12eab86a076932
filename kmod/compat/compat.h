/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-version differences, and nothing else: force-included in every
 * file of the module (kmod/Kbuild), so that the sources are written once,
 * against the newest API, and carry no version checks.  The COMPAT_*
 * macros come from the header probes in compat/Kbuild.include.
 */
#ifndef _SCTPNL_COMPAT_H
#define _SCTPNL_COMPAT_H

#include <linux/timer.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include <net/sctp/sctp.h>

#ifndef COMPAT_LOOKUP_HAS_DIF
/*
 * Before 6.0 the lookup ignored SO_BINDTODEVICE: nothing to pass.  The
 * macro may name itself; the preprocessor does not expand it twice.
 */
#define sctp_transport_lookup_process(cb, net, laddr, paddr, p, dif) \
	sctp_transport_lookup_process(cb, net, laddr, paddr, p)
#endif

#ifndef COMPAT_HAVE_GENL_INFO_DUMP
/* Before 6.6 the dump's attributes sit in genl_dumpit_info itself. */
#define genl_info_dump(cb) genl_dumpit_info(cb)
#endif

#ifndef COMPAT_HAVE_SK_UID
/*
 * sk_uid() (6.16) reads the uid the socket was created with, also once
 * the socket is orphaned, where sock_i_uid() said root.  Read the same
 * field on every kernel, so that an association outliving its socket
 * keeps its owner everywhere.
 */
static inline kuid_t sk_uid(const struct sock *sk)
{
	return READ_ONCE(sk->sk_uid);
}
#endif

#ifndef COMPAT_HAVE_TIMER_CONTAINER_OF
#define timer_container_of(var, callback_timer, timer_fieldname) \
	from_timer(var, callback_timer, timer_fieldname)
#endif

/*
 * sctpnl_for_each_endpoint(cb, net, p) - call @cb(ep, p) once for each
 * endpoint, from one walk.
 *
 * The one walk both kernel forms can give: @cb must not sleep (the older
 * form holds the hash bucket's read lock around it), must skip endpoints
 * of namespaces other than @net (the older form walks them all), and must
 * return 0; whatever it needs later it takes a reference on.
 */
#ifdef COMPAT_EP_WALK_HAS_POS
#define sctpnl_for_each_endpoint(cb, net, p)			\
	do {							\
		int __pos = 0;					\
								\
		sctp_for_each_endpoint(cb, net, &__pos, p);	\
	} while (0)
#else
#define sctpnl_for_each_endpoint(cb, net, p) sctp_for_each_endpoint(cb, p)
#endif

#endif /* _SCTPNL_COMPAT_H */
