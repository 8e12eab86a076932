// SPDX-License-Identifier: GPL-2.0
/*
 * Offline golden test of sctpctl's own output: the messages of
 * test_codec.c (and events and probe samples built the same way) are
 * decoded by libsctpnl and printed by sctpctl's output functions in
 * every format.  Everything goes to stdout; "make check" compares it
 * with tests/golden/test_output.out byte for byte.
 */
#define main codec_main
#include "test_codec.c"
#undef main

#include "../sctpctl/monitor.c"

#define ARRAY_SIZE(x)	(sizeof(x) / sizeof((x)[0]))

int test_decode_event(const void *nlh, struct sctpnl_event *ev);
int test_decode_probe(const void *nlh,
		      int (*cb)(const struct sctpnl_probe_sample *, void *),
		      void *arg);

static const struct {
	enum out_fmt fmt;
	unsigned int json_flags;
	const char *name;
} fmts[] = {
	{ FMT_TABLE, 0, "table" },
	{ FMT_JSON, 0, "json" },
	{ FMT_JSON, SCTPNL_JSON_PRETTY, "json pretty" },
	{ FMT_ERL, 0, "erl" },
};

static struct nl_msg *build_ep(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_EP_GET);
	struct nlattr *n;

	nla_put_u64(m, SCTPNL_A_SK_INODE, 77);
	nla_put_u32(m, SCTPNL_A_SK_UID, 0);
	nla_put_u8(m, SCTPNL_A_SK_STYLE, SCTPNL_STYLE_ONE_TO_MANY);
	nla_put_u16(m, SCTPNL_A_SK_FAMILY, AF_INET);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 3868);
	nla_put_u32(m, SCTPNL_A_EP_ASSOCS, 3);
	nla_put_u8(m, SCTPNL_A_EP_LISTENING, 1);
	n = nla_nest_start(m, SCTPNL_A_LOCAL_ADDRS);
	put_addr4(m, SCTPNL_A_LOCAL_ADDRS_ENTRY, "10.0.0.1", -1);
	put_addr6(m, SCTPNL_A_LOCAL_ADDRS_ENTRY, "2001:db8::1", -1, 0);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_INITMSG);
	nla_put_u16(m, SCTPNL_INITMSG_A_NUM_OSTREAMS, 10);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_INSTREAMS, 65535);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_RTOINFO);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_INITIAL, 3000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MAX, 60000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MIN, 1000);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_PADDRPARAMS);
	nla_put_u32(m, SCTPNL_PADDR_A_HBINTERVAL, 30000);
	nla_put_u32(m, SCTPNL_PADDR_A_MTU, 0);
	nla_put_u32(m, SCTPNL_PADDR_A_FLAGS, 0x2 | 0x10 | 0x40);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_ASSOCINFO);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 10);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE, 60000);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_EVENTS);
	nla_put_u8(m, SCTPNL_EVENTS_A_ASSOCIATION, 1);
	nla_put_u8(m, SCTPNL_EVENTS_A_SENDER_DRY, 1);
	nla_nest_end(m, n);
	nla_put_u32(m, SCTPNL_A_MAXSEG, 0);
	nla_put_u8(m, SCTPNL_A_NODELAY, 0);
	nla_put_u32(m, SCTPNL_A_ADAPTATION_IND, 0);
	return m;
}

static struct nl_msg *build_snmp(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_SNMP_GET);
	struct nlattr *n = nla_nest_start(m, SCTPNL_A_SNMP);
	int i;

	for (i = SCTPNL_SNMP_A_CURR_ESTAB; i <= SCTPNL_SNMP_A_MAX; i++)
		nla_put_u64(m, i, 1000 + i);
	nla_nest_end(m, n);
	return m;
}

/* A second association: IPv4 socket, one path, no status primary. */
static struct nl_msg *build_assoc2(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_ASSOC_GET);
	struct nlattr *n;

	nla_put_u32(m, SCTPNL_A_ASSOC_ID, 0x80000001u);
	nla_put_u64(m, SCTPNL_A_SK_INODE, 9);
	nla_put_u32(m, SCTPNL_A_SK_UID, 0);
	nla_put_u8(m, SCTPNL_A_SK_STYLE, SCTPNL_STYLE_PEELED);
	nla_put_u16(m, SCTPNL_A_SK_FAMILY, AF_INET);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 1);
	nla_put_u16(m, SCTPNL_A_PEER_PORT, 65535);
	nla_put_u32(m, SCTPNL_A_SNDQ, 17);
	nla_put_u32(m, SCTPNL_A_RCVQ, 3);
	n = nla_nest_start(m, SCTPNL_A_STATUS);
	nla_put_u8(m, SCTPNL_STATUS_A_STATE, SCTPNL_STATE_SHUTDOWN_SENT);
	nla_put_u32(m, SCTPNL_STATUS_A_RWND, 0);
	nla_put_u32(m, SCTPNL_STATUS_A_UNACKDATA, 4);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_PADDRS);
	put_path(m, "127.0.0.1", 0 /* SCTP_INACTIVE */, 0, 1);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_DELAYED_ACK);
	nla_put_u32(m, SCTPNL_SACK_A_DELAY, 0);
	nla_put_u32(m, SCTPNL_SACK_A_FREQ, 1);
	nla_nest_end(m, n);
	return m;
}

static void show_assocs(struct out *o, struct sctpnl_assoc *const *a,
			unsigned int n)
{
	unsigned int i;

	out_begin(o, 1);
	for (i = 0; i < n; i++)
		out_assoc(o, a[i]);
	out_end(o);
	o->stats = 1;
	out_begin(o, 1);
	for (i = 0; i < n; i++)
		out_assoc(o, a[i]);
	out_end(o);
	o->stats = 0;
	for (i = 0; i < n; i++) {
		out_begin(o, 0);
		out_status(o, a[i]);
		out_end(o);
		out_begin(o, 1);
		out_paddrs(o, a[i]);
		out_end(o);
	}
}

static void test_records(void)
{
	struct nl_msg *m[4] = { build_assoc(), build_assoc2(), build_ep(),
				build_snmp() };
	struct sctpnl_assoc *a[2];
	struct sctpnl_snmp s;
	struct sctpnl_ep e;
	unsigned int i;

	a[0] = malloc(sizeof(*a[0]));
	a[1] = malloc(sizeof(*a[1]));
	CHECK(sctpnl_parse_assoc(nlmsg_hdr(m[0]), a[0]) == 0);
	CHECK(sctpnl_parse_assoc(nlmsg_hdr(m[1]), a[1]) == 0);
	CHECK(sctpnl_parse_ep(nlmsg_hdr(m[2]), &e) == 0);
	CHECK(sctpnl_parse_snmp(nlmsg_hdr(m[3]), &s) == 0);
	for (i = 0; i < ARRAY_SIZE(fmts); i++) {
		struct out o = { .fmt = fmts[i].fmt,
				 .json_flags = fmts[i].json_flags };

		printf("=== assoc, %s\n", fmts[i].name);
		show_assocs(&o, a, 2);
		fflush(stdout);
		printf("=== ep, %s\n", fmts[i].name);
		out_begin(&o, 1);
		out_empty_header(&o, 1);
		out_ep(&o, &e);
		out_end(&o);
		printf("=== empty, %s\n", fmts[i].name);
		out_begin(&o, 1);
		out_empty_header(&o, 0);
		out_end(&o);
		if (fmts[i].fmt == FMT_ERL)
			continue;
		printf("=== snmp, %s\n", fmts[i].name);
		out_begin(&o, 0);
		out_snmp(&o, &s);
		out_end(&o);
	}
	for (i = 0; i < ARRAY_SIZE(m); i++)
		nlmsg_free(m[i]);
	free(a[0]);
	free(a[1]);
}

static struct nl_msg *new_event(int cmd, uint32_t id)
{
	struct nl_msg *m = new_msg(cmd);

	nla_put_u32(m, SCTPNL_A_ASSOC_ID, id);
	nla_put_u64(m, SCTPNL_A_SK_INODE, id ? 4242 : 0);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 5000);
	nla_put_u16(m, SCTPNL_A_PEER_PORT, 6000);
	if (id != 3)
		put_addr4(m, SCTPNL_A_PEER, "192.168.1.2", 6000);
	nla_put_u64(m, SCTPNL_A_TIMESTAMP, 1700000000123456789ull + id);
	nla_put_u64(m, SCTPNL_A_LOST, id == 2 ? 7 : 0);
	return m;
}

static struct nl_msg *build_event(int k)
{
	static const uint8_t cause[] = { 0, 12, 0, 8, 'a', 'b', 'c', '"' };
	int cmd = SCTPNL_CMD_EVENT_ASSOC_CHANGE + k % 7;
	struct nl_msg *m = new_event(cmd, k);
	struct nlattr *n = nla_nest_start(m, SCTPNL_A_EVENT), *s;

	switch (cmd) {
	case SCTPNL_CMD_EVENT_ASSOC_CHANGE:
		nla_put_u16(m, SCTPNL_EVENT_A_STATE, k / 7 ? 9 : 1);
		nla_put_u32(m, SCTPNL_EVENT_A_ERROR, 0);
		nla_put_u16(m, SCTPNL_EVENT_A_OUTBOUND_STREAMS, 10);
		nla_put_u16(m, SCTPNL_EVENT_A_INBOUND_STREAMS, 5);
		if (k / 7)
			nla_put(m, SCTPNL_EVENT_A_DATA, sizeof(cause), cause);
		break;
	case SCTPNL_CMD_EVENT_PADDR_CHANGE:
		put_addr6(m, SCTPNL_EVENT_A_ADDR, "2001:db8::2", 6000, 0);
		nla_put_u16(m, SCTPNL_EVENT_A_STATE, k / 7 ? 6 : 2);
		nla_put_u32(m, SCTPNL_EVENT_A_ERROR, 110);
		break;
	case SCTPNL_CMD_EVENT_REMOTE_ERROR:
		nla_put_u32(m, SCTPNL_EVENT_A_ERROR, htons(12));
		nla_put(m, SCTPNL_EVENT_A_DATA, sizeof(cause), cause);
		break;
	case SCTPNL_CMD_EVENT_SEND_FAILED:
		nla_put_u32(m, SCTPNL_EVENT_A_FLAGS, k / 7);
		nla_put_u32(m, SCTPNL_EVENT_A_ERROR, 0x0c);
		s = nla_nest_start(m, SCTPNL_EVENT_A_SNDRCVINFO);
		nla_put_u16(m, SCTPNL_SNDRCV_A_STREAM, 3);
		nla_put_u16(m, SCTPNL_SNDRCV_A_FLAGS, 0x4);
		nla_put_u32(m, SCTPNL_SNDRCV_A_PPID, htonl(51));
		nla_put_u32(m, SCTPNL_SNDRCV_A_TSN, 1234);
		nla_nest_end(m, s);
		nla_put(m, SCTPNL_EVENT_A_DATA, 3, "xyz");
		break;
	case SCTPNL_CMD_EVENT_SHUTDOWN:
		break;
	case SCTPNL_CMD_EVENT_ADAPTATION:
		nla_put_u32(m, SCTPNL_EVENT_A_ADAPTATION_IND, 0x01020304);
		break;
	case SCTPNL_CMD_EVENT_PDAPI:
		nla_put_u32(m, SCTPNL_EVENT_A_INDICATION, k / 7);
		break;
	}
	nla_nest_end(m, n);
	return m;
}

/* Sample @k of a batch, appended to @m. */
static void put_sample(struct nl_msg *m, int k)
{
	struct sctpnl_path_sample s = {
		.timestamp = 1700000000123456789ull + 20 + k,
		.assoc_id = 20 + k,
		.local_port = 5000,
		.peer_port = 6000,
		.family = k ? AF_INET6 : AF_INET,
		.port = 6000,
		.cwnd = 4380 + k,
		.ssthresh = 65535,
		.srtt = 12,
		.rto = 1000,
		.flight_size = 1452,
		.peer_rwnd = 106496,
		.state = k ? 1 : 2,
		.primary = !k,
	};

	inet_pton(s.family, k ? "::ffff:10.1.0.2" : "10.1.0.2", s.addr);
	nla_put(m, SCTPNL_A_PROBE_SAMPLE, sizeof(s), &s);
}

/* One probe message, as the module batches them: samples 0 and 1. */
static struct nl_msg *build_probe(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_PROBE);

	nla_put_u64(m, SCTPNL_A_LOST, 0);
	put_sample(m, 0);
	put_sample(m, 1);
	return m;
}

static void test_events(void)
{
	unsigned int i;
	int k;

	for (i = 0; i < ARRAY_SIZE(fmts); i++) {
		struct out o = { .fmt = fmts[i].fmt,
				 .json_flags = fmts[i].json_flags };
		struct mon mo = { .o = &o };
		struct nl_msg *pm;

		printf("=== monitor, %s\n", fmts[i].name);
		for (k = 0; k < 14; k++) {
			struct nl_msg *m = build_event(k);
			struct sctpnl_event ev;

			CHECK(test_decode_event(nlmsg_hdr(m), &ev) == 0);
			CHECK(mon_event(&ev, &mo) == 0);
			nlmsg_free(m);
		}
		pm = build_probe();
		CHECK(test_decode_probe(nlmsg_hdr(pm), mon_probe, &mo) == 2);
		nlmsg_free(pm);
		fflush(stdout);
	}
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_records();
	test_events();
	fflush(stdout);
	if (failures) {
		fprintf(stderr, "test_output: %d failures\n", failures);
		return 1;
	}
	return 0;
}
