// SPDX-License-Identifier: GPL-2.0
/*
 * ASSOC_ABORT and ASSOC_EOF: end any association as its owner could,
 * through the stack's own entry points.
 *
 * One-to-many and peeled-off sockets take a sendmsg() with an SCTP_SNDRCV
 * cmsg carrying SCTP_ABORT or SCTP_EOF, like an owner would send it.  A
 * one-to-one socket refuses those flags; its graceful end is shutdown()
 * for writing, which we do the way inet_shutdown() does.  Its abort has no
 * exported path on 6.1 (sctp_primitive_ABORT is not exported, and an
 * ABORT forged on the wire would tell only one side), so it is refused.
 */
#include <linux/uio.h>
#include "sctpnl.h"

struct action_arg {
	u16 flag;		/* SCTP_ABORT or SCTP_EOF */
	const char *reason;
	struct netlink_ext_ack *extack;
	bool reached_stack;
};

static int send_flag(struct sock *sk, struct sctp_association *asoc,
		     struct action_arg *aa)
{
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(sizeof(struct sctp_sndrcvinfo))];
	} ctl = {};
	struct sctp_sndrcvinfo *sinfo;
	struct msghdr msg = {};
	struct kvec iov = {};
	size_t len = 0;

	if (aa->reason) {
		len = strlen(aa->reason);
		iov.iov_base = (void *)aa->reason;
		iov.iov_len = len;
	}

	ctl.hdr.cmsg_level = IPPROTO_SCTP;
	ctl.hdr.cmsg_type = SCTP_SNDRCV;
	ctl.hdr.cmsg_len = CMSG_LEN(sizeof(*sinfo));
	sinfo = (struct sctp_sndrcvinfo *)CMSG_DATA(&ctl.hdr);
	sinfo->sinfo_flags = aa->flag;
	sinfo->sinfo_assoc_id = asoc->assoc_id;

	msg.msg_control = &ctl;
	msg.msg_controllen = sizeof(ctl);
	msg.msg_flags = MSG_DONTWAIT | MSG_NOSIGNAL;
	iov_iter_kvec(&msg.msg_iter, ITER_SOURCE, &iov, len ? 1 : 0, len);

	aa->reached_stack = true;
	return sk->sk_prot->sendmsg(sk, &msg, len);
}

static int act_one(struct sctp_association *asoc, void *p)
{
	struct action_arg *aa = p;
	struct sock *sk;

	sk = sctpnl_lock_asoc(asoc);
	if (!sk)
		return -EAGAIN;

	if (!sctp_style(sk, TCP)) {
		/* sendmsg() takes the socket lock itself. */
		release_sock(sk);
		return send_flag(sk, asoc, aa);
	}

	if (aa->flag == SCTP_ABORT) {
		release_sock(sk);
		NL_SET_ERR_MSG(aa->extack,
			       "abort of a one-to-one association has no safe path on this kernel; use eof");
		return -EOPNOTSUPP;
	}

	/*
	 * shutdown(SHUT_WR), as inet_shutdown() does it, but only on an
	 * established socket: while the association is still being set up
	 * the SHUTDOWN primitive deletes it and would leave the socket marked
	 * closing for good (the owner's connect() cannot race us like that).
	 */
	if (sctp_sstate(sk, CLOSING)) {
		release_sock(sk);
		return 0;	/* already shutting down */
	}
	if (sctpnl_in_accept_queue(sk, asoc)) {
		release_sock(sk);
		NL_SET_ERR_MSG(aa->extack,
			       "association established but not yet accepted (in the listener's accept queue): eof once accept() gives it a socket");
		return -ENOTCONN;
	}
	if (!sctp_sstate(sk, ESTABLISHED)) {
		release_sock(sk);
		NL_SET_ERR_MSG(aa->extack, "association not established yet");
		return -ENOTCONN;
	}
	aa->reached_stack = true;
	WRITE_ONCE(sk->sk_shutdown, sk->sk_shutdown | SEND_SHUTDOWN);
	sk->sk_prot->shutdown(sk, SEND_SHUTDOWN);
	release_sock(sk);
	sk->sk_state_change(sk);
	return 0;
}

static int do_action(struct genl_info *info, u16 flag)
{
	struct action_arg aa = { .flag = flag, .extack = info->extack };
	struct sctpnl_asoc_key key;
	int err;

	err = sctpnl_parse_key(info, &key);
	if (err)
		return err;
	if (info->attrs[SCTPNL_A_REASON]) {
		if (flag != SCTP_ABORT) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    info->attrs[SCTPNL_A_REASON],
					    "a reason goes with abort only");
			return -EINVAL;
		}
		aa.reason = nla_data(info->attrs[SCTPNL_A_REASON]);
	}

	err = sctpnl_with_assoc(genl_info_net(info), &key, act_one, &aa);
	if (!aa.reached_stack && (err == -ENOENT || err == -EAGAIN))
		return sctpnl_no_assoc(info, &key);
	if (err < 0 && aa.reached_stack && !info->extack->_msg) {
		if (flag == SCTP_ABORT)
			NL_SET_ERR_MSG(info->extack,
				       "the SCTP stack refused the abort");
		else
			NL_SET_ERR_MSG(info->extack,
				       "the SCTP stack refused the shutdown");
	}
	return err < 0 ? err : 0;
}

int sctpnl_assoc_abort_doit(struct sk_buff *skb, struct genl_info *info)
{
	return do_action(info, SCTP_ABORT);
}

int sctpnl_assoc_eof_doit(struct sk_buff *skb, struct genl_info *info)
{
	return do_action(info, SCTP_EOF);
}
