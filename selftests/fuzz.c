// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz: throw well-formed and mutated sctpnl requests at the module while
 * real associations come and go, with a fixed seed so a failure can be
 * replayed.
 *
 *   fuzz [-n COUNT] [-s SEED]      (defaults: 5000 messages, seed 1;
 *                                  FUZZ_COUNT, FUZZ_SEED also set them)
 *
 * Each message is a command of the family (and some past its end) with
 * random flags (do, dump, ack), random attributes of the family's types
 * with right and wrong lengths, nests truncated, oversized and duplicated,
 * huge and zero values, and keys of live and dead associations.  The
 * kernel must answer every one (no hang), the family must still answer
 * correctly afterwards, and every error the module itself returns must
 * carry an extack message.  The guest runner fails the run on any splat.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/sctpnl.h>
#include "kselftest.h"
#include "lib/nl.h"
#include "lib/sk.h"

#define MAX_KEYS	64

struct key {
	uint32_t id;
	char lip[INET6_ADDRSTRLEN], pip[INET6_ADDRSTRLEN];
	int lport, pport;
};

static struct key keys[MAX_KEYS];
static int nkeys;
static uint64_t rng;

static uint32_t rnd(void)
{
	/* xorshift64*: fast, and the same sequence for the same seed. */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (rng * 2685821657736338717ULL) >> 32;
}

static uint32_t pick(uint32_t n)
{
	return n ? rnd() % n : 0;
}

static const uint32_t interesting[] = {
	0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff,
	0x80000000, 0xffffffff, 500, 501, 65535, 1000, 60000,
};

static uint32_t value(void)
{
	if (pick(3))
		return interesting[pick(ARRAY_SIZE(interesting))];
	return rnd();
}

/* A payload of a random but plausible length for a scalar. */
static void put_scalar(struct nlt *n, uint16_t type)
{
	static const int lens[] = { 1, 2, 4, 8, 0, 3, 16, 5 };
	uint64_t v = value() | (uint64_t)value() << 32;
	int len = lens[pick(pick(4) ? 4 : ARRAY_SIZE(lens))];
	char buf[16] = { 0 };

	memcpy(buf, &v, sizeof(v));
	nlt_put(n, type, buf, len);
}

static void put_addr(struct nlt *n, uint16_t type)
{
	static const char *const ips[] = {
		"127.0.0.1", "::1", "::ffff:127.0.0.1", "192.0.2.1", "0.0.0.0",
		"::", "10.1.0.1", "fe80::1",
	};
	unsigned char b[17];

	switch (pick(6)) {
	case 0:		/* well-formed */
	case 1:
		nlt_put_addr(n, type, ips[pick(ARRAY_SIZE(ips))],
			     pick(2) ? (int)pick(65536) : -1);
		return;
	case 2:		/* wrong family for the address */
		nlt_nest(n, type);
		nlt_put_u16(n, SCTPNL_ADDR_A_FAMILY, pick(2) ? AF_INET : AF_INET6);
		memset(b, pick(256), sizeof(b));
		nlt_put(n, pick(2) ? SCTPNL_ADDR_A_IN4 : SCTPNL_ADDR_A_IN6, b,
			pick(18));
		nlt_nest_end(n);
		return;
	case 3:		/* random members */
		nlt_nest(n, type);
		for (int i = pick(6); i; i--)
			put_scalar(n, pick(SCTPNL_ADDR_A_MAX + 3));
		nlt_nest_end(n);
		return;
	case 4:		/* not a nest at all */
		put_scalar(n, type);
		return;
	default:	/* an empty nest */
		nlt_nest(n, type);
		nlt_nest_end(n);
		return;
	}
}

/* Nested sets the family knows, by top-level attribute. */
static int nest_max(uint16_t type)
{
	switch (type) {
	case SCTPNL_A_FILTER: return SCTPNL_FILTER_A_MAX;
	case SCTPNL_A_STATUS: return SCTPNL_STATUS_A_MAX;
	case SCTPNL_A_RTOINFO: return SCTPNL_RTOINFO_A_MAX;
	case SCTPNL_A_ASSOCINFO: return SCTPNL_ASSOCPARAMS_A_MAX;
	case SCTPNL_A_INITMSG: return SCTPNL_INITMSG_A_MAX;
	case SCTPNL_A_DELAYED_ACK: return SCTPNL_SACK_A_MAX;
	case SCTPNL_A_DEFAULT_SEND: return SCTPNL_SNDRCV_A_MAX;
	case SCTPNL_A_EVENTS: return SCTPNL_EVENTS_A_MAX;
	case SCTPNL_A_PADDRPARAMS: return SCTPNL_PADDR_A_MAX;
	case SCTPNL_A_STATS: return SCTPNL_STATS_A_MAX;
	case SCTPNL_A_PROBE_FILTER: return 2;
	default: return -1;
	}
}

static bool is_addr(uint16_t type)
{
	return type == SCTPNL_A_LOCAL || type == SCTPNL_A_PEER ||
	       type == SCTPNL_A_PRIMARY || type == SCTPNL_A_PEER_PRIMARY;
}

static void put_attr(struct nlt *n, uint16_t type, int depth)
{
	int max = nest_max(type);

	if (is_addr(type)) {
		put_addr(n, type);
		return;
	}
	if (type == SCTPNL_A_REASON) {
		char s[300];
		int len = pick(pick(4) ? 40 : sizeof(s));

		memset(s, 'a' + pick(26), len);
		nlt_put(n, type, s, len);	/* NUL or not, as it comes */
		return;
	}
	if (max < 0 || depth > 2 || !pick(8)) {
		put_scalar(n, type);
		return;
	}
	nlt_nest(n, type);
	for (int i = pick(6); i; i--) {
		uint16_t t = pick(max + 2);

		if (type == SCTPNL_A_FILTER &&
		    (t == SCTPNL_FILTER_A_LOCAL_ADDR ||
		     t == SCTPNL_FILTER_A_PEER_ADDR))
			put_addr(n, t);
		else if (type == SCTPNL_A_PADDRPARAMS && t == SCTPNL_PADDR_A_ADDR)
			put_addr(n, t);
		else
			put_scalar(n, t);
	}
	nlt_nest_end(n);
}

static void put_key(struct nlt *n)
{
	struct key *k;

	if (!nkeys || !pick(4)) {
		if (pick(2))
			nlt_put_u32(n, SCTPNL_A_ASSOC_ID, value());
		else
			put_attr(n, pick(2) ? SCTPNL_A_LOCAL : SCTPNL_A_PEER, 0);
		return;
	}
	k = &keys[pick(nkeys)];
	if (pick(2)) {
		nlt_put_u32(n, SCTPNL_A_ASSOC_ID, k->id);
	} else {
		nlt_put_addr(n, SCTPNL_A_LOCAL, k->lip, k->lport);
		nlt_put_addr(n, SCTPNL_A_PEER, k->pip, k->pport);
	}
}

/* A valid option for ASSOC_SET, with random values. */
static void put_option(struct nlt *n)
{
	static const uint16_t nested[] = {
		SCTPNL_A_RTOINFO, SCTPNL_A_ASSOCINFO, SCTPNL_A_INITMSG,
		SCTPNL_A_PADDRPARAMS, SCTPNL_A_DELAYED_ACK,
		SCTPNL_A_DEFAULT_SEND,
	};
	uint16_t t;

	switch (pick(4)) {
	case 0:
		t = nested[pick(ARRAY_SIZE(nested))];
		nlt_nest(n, t);
		for (int i = 1 + pick(3); i; i--) {
			uint16_t a = 1 + pick(nest_max(t));
			uint32_t v = value();

			if (t == SCTPNL_A_PADDRPARAMS && a == SCTPNL_PADDR_A_ADDR)
				put_addr(n, a);
			else if (t == SCTPNL_A_PADDRPARAMS &&
				 a == SCTPNL_PADDR_A_PATHMAXRXT)
				nlt_put_u16(n, a, v);
			else if ((t == SCTPNL_A_ASSOCINFO &&
				  a == SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT) ||
				 t == SCTPNL_A_INITMSG ||
				 (t == SCTPNL_A_DEFAULT_SEND &&
				  (a == SCTPNL_SNDRCV_A_STREAM ||
				   a == SCTPNL_SNDRCV_A_FLAGS)))
				nlt_put_u16(n, a, v);
			else
				nlt_put_u32(n, a, v);
		}
		nlt_nest_end(n);
		break;
	case 1:
		put_addr(n, pick(2) ? SCTPNL_A_PRIMARY : SCTPNL_A_PEER_PRIMARY);
		break;
	case 2:
		nlt_put_u8(n, pick(2) ? SCTPNL_A_NODELAY :
			   SCTPNL_A_DISABLE_FRAGMENTS, pick(3));
		break;
	default:
		t = (uint16_t[]){ SCTPNL_A_MAXSEG, SCTPNL_A_AUTOCLOSE,
				  SCTPNL_A_ADAPTATION_IND }[pick(3)];
		nlt_put_u32(n, t, value());
		break;
	}
}

static void put_filter(struct nlt *n)
{
	nlt_nest(n, SCTPNL_A_FILTER);
	for (int i = pick(3); i; i--) {
		switch (pick(8)) {
		case 0: nlt_put_u16(n, SCTPNL_FILTER_A_LOCAL_PORT, value()); break;
		case 1: nlt_put_u16(n, SCTPNL_FILTER_A_PEER_PORT, value()); break;
		case 2: put_addr(n, SCTPNL_FILTER_A_LOCAL_ADDR); break;
		case 3: put_addr(n, SCTPNL_FILTER_A_PEER_ADDR); break;
		case 4: nlt_put_u32(n, SCTPNL_FILTER_A_STATE, value()); break;
		case 5: nlt_put_u32(n, SCTPNL_FILTER_A_UID, value()); break;
		case 6: nlt_put_u64(n, SCTPNL_FILTER_A_INODE, value()); break;
		default:
			nlt_put_u32(n, SCTPNL_FILTER_A_ASSOC_ID,
				    nkeys && pick(2) ? keys[pick(nkeys)].id :
						       value());
		}
	}
	nlt_nest_end(n);
}

/* A request a user could mean, with random but typed values. */
static void build_valid(struct nlt *n)
{
	static const uint8_t cmds[] = {
		SCTPNL_CMD_ASSOC_GET, SCTPNL_CMD_ASSOC_GET, SCTPNL_CMD_EP_GET,
		SCTPNL_CMD_SNMP_GET, SCTPNL_CMD_ASSOC_SET, SCTPNL_CMD_ASSOC_SET,
		SCTPNL_CMD_ASSOC_ABORT, SCTPNL_CMD_ASSOC_EOF,
		SCTPNL_CMD_PROBE_SET,
	};
	uint8_t cmd = cmds[pick(ARRAY_SIZE(cmds))];
	bool dump = cmd == SCTPNL_CMD_EP_GET ||
		    (cmd == SCTPNL_CMD_ASSOC_GET && pick(2));

	nlt_msg(n, n->family, dump ? NLM_F_DUMP : NLM_F_ACK, cmd, 1);
	switch (cmd) {
	case SCTPNL_CMD_ASSOC_GET:
	case SCTPNL_CMD_EP_GET:
		if (dump) {
			if (pick(2))
				put_filter(n);
		} else {
			put_key(n);
		}
		break;
	case SCTPNL_CMD_ASSOC_SET:
		put_key(n);
		put_option(n);
		break;
	case SCTPNL_CMD_ASSOC_ABORT:
		put_key(n);
		if (pick(2))
			nlt_put_str(n, SCTPNL_A_REASON, "fuzz");
		break;
	case SCTPNL_CMD_ASSOC_EOF:
		put_key(n);
		break;
	case SCTPNL_CMD_PROBE_SET:
		nlt_nest(n, SCTPNL_A_PROBE_FILTER);
		for (int i = pick(4); i; i--)
			nlt_put_u32(n, 1, nkeys ? keys[pick(nkeys)].id : value());
		nlt_nest_end(n);
		break;
	}
}

static void build(struct nlt *n)
{
	static const uint16_t flag_sets[] = {
		0, NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP | NLM_F_ACK,
		NLM_F_ROOT, NLM_F_MATCH, NLM_F_ACK | NLM_F_ECHO,
	};
	uint8_t cmd = pick(SCTPNL_CMD_MAX + 3);
	uint16_t flags = flag_sets[pick(ARRAY_SIZE(flag_sets))];

	if (pick(10) < 6) {
		build_valid(n);
		return;
	}
	/*
	 * A do that succeeds without NLM_F_ACK and has no reply (a set, an
	 * abort) is answered by silence; ask for the ack so that every
	 * message gets an answer we can wait for.
	 */
	if (!(flags & NLM_F_DUMP))
		flags |= NLM_F_ACK;
	nlt_msg(n, n->family, flags, cmd, pick(8) ? 1 : pick(256));
	if (pick(3))
		put_key(n);
	for (int i = pick(5); i; i--)
		put_attr(n, pick(SCTPNL_A_MAX + 3), 0);
}

/* Flip, truncate or extend the built message at random. */
static size_t mutate(struct nlt *n)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)n->buf;
	size_t len = n->len;

	switch (pick(16)) {
	case 0:		/* a byte flipped past the headers */
		if (len > NLMSG_HDRLEN + GENL_HDRLEN)
			n->buf[NLMSG_HDRLEN + GENL_HDRLEN +
			       pick(len - NLMSG_HDRLEN - GENL_HDRLEN)] ^=
				1 << pick(8);
		break;
	case 1:		/* truncated: lengths now lie */
		if (len > NLMSG_HDRLEN + GENL_HDRLEN + 4)
			len -= 1 + pick(4);
		break;
	case 2:		/* trailing garbage the header claims */
		for (int i = 0; i < 8; i++)
			n->buf[len + i] = rnd();
		len += 1 + pick(8);
		break;
	}
	nlh->nlmsg_len = len;
	return len;
}

struct stats {
	unsigned long sent, ok, errors[140], no_extack[140], replies;
};

static int count_reply(const struct nlmsghdr *nlh, void *arg)
{
	((struct stats *)arg)->replies++;
	return 0;
}

static int collect_key(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *local = nlt_attr(nlh, SCTPNL_A_LOCAL_ADDRS);
	struct nlattr *paths = nlt_attr(nlh, SCTPNL_A_PADDRS), *a, *p;
	struct key *k;
	char buf[80], *colon;

	if (nkeys >= MAX_KEYS || !local || !paths)
		return 0;
	k = &keys[nkeys];
	k->id = nlt_uint(nlt_attr(nlh, SCTPNL_A_ASSOC_ID));
	k->lport = nlt_uint(nlt_attr(nlh, SCTPNL_A_LOCAL_PORT));
	k->pport = nlt_uint(nlt_attr(nlh, SCTPNL_A_PEER_PORT));
	nlt_for_each(a, local) {
		nlt_addr_str(a, k->lip, sizeof(k->lip));
		break;
	}
	nlt_for_each(p, paths) {
		nlt_addr_str(nlt_nested(p, SCTPNL_PADDR_A_ADDR), buf,
			     sizeof(buf));
		colon = strrchr(buf, ':');
		if (colon)
			*colon = 0;
		snprintf(k->pip, sizeof(k->pip), "%.*s",
			 (int)sizeof(k->pip) - 1, buf);
		break;
	}
	nkeys++;
	return 0;
}

/* Keys of the associations alive now (some will be dead when used). */
static void refresh_keys(struct nlt *n)
{
	nkeys = 0;
	nlt_msg(n, n->family, NLM_F_DUMP, SCTPNL_CMD_ASSOC_GET, 1);
	nlt_send(n, collect_key, NULL);
}

/* Live traffic: associations set up, used and ended, forever. */
static void churn(void)
{
	int lsn = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sockaddr_in sa = { .sin_family = AF_INET,
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sa);
	struct linger lg = { 1, 0 };

	bind(lsn, (void *)&sa, sizeof(sa));
	getsockname(lsn, (void *)&sa, &len);
	listen(lsn, 64);
	for (unsigned int i = 0;; i++) {
		int type = i % 2 ? SOCK_STREAM : SOCK_SEQPACKET;
		int c = socket(AF_INET, type, IPPROTO_SCTP);

		if (c < 0 || connect(c, (void *)&sa, sizeof(sa))) {
			usleep(10000);
			if (c >= 0)
				close(c);
			continue;
		}
		sctp_sendmsg(c, "x", 1, (void *)&sa, sizeof(sa), 0, 0, 0, 0, 0);
		usleep(20000);
		if (i % 3 == 0)
			setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		close(c);
	}
}

int main(int argc, char **argv)
{
	unsigned long count = 5000, seed = 1;
	struct stats st = { 0 };
	struct nlt *n;
	pid_t child;
	int opt, bad = 0;

	/* The debug-kernel run asks for more through the environment. */
	if (getenv("FUZZ_COUNT"))
		count = strtoul(getenv("FUZZ_COUNT"), NULL, 0);
	if (getenv("FUZZ_SEED"))
		seed = strtoul(getenv("FUZZ_SEED"), NULL, 0);
	while ((opt = getopt(argc, argv, "n:s:")) != -1) {
		if (opt == 'n')
			count = strtoul(optarg, NULL, 0);
		else if (opt == 's')
			seed = strtoul(optarg, NULL, 0);
	}
	rng = seed * 0x9e3779b97f4a7c15ULL + 1;

	ksft_print_header();
	ksft_set_plan(3);
	n = nlt_open();
	if (!n || !n->family)
		ksft_exit_skip("sctpnl not loaded\n");

	child = fork();
	if (!child) {
		churn();
		_exit(0);
	}
	usleep(300000);

	for (unsigned long i = 0; i < count; i++) {
		size_t len;
		int err;

		if (!(i % 200))
			refresh_keys(n);
		build(n);
		len = mutate(n);
		err = nlt_send_raw(n, n->buf, len, count_reply, &st);
		st.sent++;
		if (!err) {
			st.ok++;
			continue;
		}
		err = -err;
		if (err <= 0 || err >= 140)
			continue;
		st.errors[err]++;
		/*
		 * Unknown commands, dump/do mismatches and missing privilege
		 * are refused by the generic netlink core, which gives no
		 * message; everything else passed the core and is ours or
		 * the policy's, and must say why.
		 */
		if (!n->extack[0] && err != EOPNOTSUPP && err != EPERM) {
			if (!st.no_extack[err]++)
				ksft_print_msg("no extack for errno %d (message %lu)\n",
					       err, i);
		}
	}

	kill(child, SIGKILL);
	waitpid(child, NULL, 0);

	ksft_print_msg("seed %lu: %lu messages, %lu ok, %lu replies\n", seed,
		       st.sent, st.ok, st.replies);
	for (int e = 1; e < 140; e++) {
		if (st.errors[e])
			ksft_print_msg("  errno %3d %-28s %6lu%s\n", e,
				       strerror(e), st.errors[e],
				       st.no_extack[e] ? " (some without extack)" :
							 "");
		if (st.no_extack[e])
			bad = 1;
	}
	ksft_test_result(st.sent == count, "all %lu messages answered\n", count);
	ksft_test_result(!bad, "every module error has an extack message\n");

	/* The family still answers, and right. */
	nlt_close(n);
	n = nlt_open();
	nlt_msg(n, n->family, 0, SCTPNL_CMD_SNMP_GET, 1);
	ksft_test_result(n && n->family && !nlt_send(n, NULL, NULL),
			 "family answers after fuzzing\n");
	nlt_close(n);
	ksft_finished();
}
