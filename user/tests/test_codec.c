// SPDX-License-Identifier: GPL-2.0
/*
 * Offline test: builds sctpnl messages in memory with libnl the way the
 * module does, decodes them through libsctpnl and checks the records and
 * the Erlang/JSON output.  Writes the Erlang terms to test_codec.erl.out
 * and JSON to test_codec.json.out for erl_check.sh.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>

#include "sctpnl.h"

static int failures;

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n",	\
				__FILE__, __LINE__, #cond);		\
			failures++;					\
		}							\
	} while (0)

static void put_addr4(struct nl_msg *m, int type, const char *ip, int port)
{
	struct nlattr *n = nla_nest_start(m, type);
	struct in_addr a;

	inet_pton(AF_INET, ip, &a);
	nla_put_u16(m, SCTPNL_ADDR_A_FAMILY, AF_INET);
	nla_put(m, SCTPNL_ADDR_A_IN4, 4, &a);
	if (port >= 0)
		nla_put_u16(m, SCTPNL_ADDR_A_PORT, port);
	nla_nest_end(m, n);
}

static void put_addr6(struct nl_msg *m, int type, const char *ip, int port,
		      unsigned int scope)
{
	struct nlattr *n = nla_nest_start(m, type);
	struct in6_addr a;

	inet_pton(AF_INET6, ip, &a);
	nla_put_u16(m, SCTPNL_ADDR_A_FAMILY, AF_INET6);
	nla_put(m, SCTPNL_ADDR_A_IN6, 16, &a);
	if (scope)
		nla_put_u32(m, SCTPNL_ADDR_A_SCOPE_ID, scope);
	if (port >= 0)
		nla_put_u16(m, SCTPNL_ADDR_A_PORT, port);
	nla_nest_end(m, n);
}

static void put_path(struct nl_msg *m, const char *ip, int state, int primary,
		     uint32_t cwnd)
{
	struct nlattr *n = nla_nest_start(m, SCTPNL_A_PADDRS_ENTRY);

	put_addr4(m, SCTPNL_PADDR_A_ADDR, ip, 6000);
	nla_put_u8(m, SCTPNL_PADDR_A_STATE, state);
	nla_put_u32(m, SCTPNL_PADDR_A_CWND, cwnd);
	nla_put_u32(m, SCTPNL_PADDR_A_SRTT, 12);
	nla_put_u32(m, SCTPNL_PADDR_A_RTO, 1000);
	nla_put_u32(m, SCTPNL_PADDR_A_MTU, 1500);
	nla_put_u32(m, SCTPNL_PADDR_A_HBINTERVAL, 30000);
	nla_put_u16(m, SCTPNL_PADDR_A_PATHMAXRXT, 5);
	nla_put_u32(m, SCTPNL_PADDR_A_SACKDELAY, 200);
	/* HB_ENABLE | PMTUD_ENABLE | SACKDELAY_ENABLE | HB_TIME_IS_ZERO */
	nla_put_u32(m, SCTPNL_PADDR_A_FLAGS, 0x1 | 0x8 | 0x20 | 0x80);
	nla_put_u32(m, SCTPNL_PADDR_A_SSTHRESH, 65535);
	nla_put_u32(m, SCTPNL_PADDR_A_FLIGHT_SIZE, 0);
	nla_put_u32(m, SCTPNL_PADDR_A_PARTIAL_BYTES_ACKED, 0);
	nla_put_u32(m, SCTPNL_PADDR_A_ERROR_COUNT, 0);
	nla_put_u16(m, SCTPNL_PADDR_A_PF_RETRANS, 0);
	nla_put_u8(m, SCTPNL_PADDR_A_PRIMARY, primary);
	nla_put_u32(m, SCTPNL_PADDR_A_RTTVAR, 6);
	nla_put_u32(m, SCTPNL_PADDR_A_SRTT_SOCKOPT, 3);
	nla_put_u32(m, SCTPNL_PADDR_A_LAST_HEARD, 42);
	nla_put_u8(m, SCTPNL_PADDR_A_HB_ACTIVE, state != 0);
	nla_nest_end(m, n);
}

static struct nl_msg *new_msg(int cmd)
{
	struct nl_msg *m = nlmsg_alloc_size(65536);

	genlmsg_put(m, 1, 1, 0x20, 0, NLM_F_MULTI, cmd, SCTPNL_FAMILY_VERSION);
	return m;
}

/* An established one-to-one association of an AF_INET6 v4mapped socket,
 * 20 local addresses (4 beyond SCTPNL_MAX_ADDRS), two paths (the second
 * primary, the first potentially failed). */
static struct nl_msg *build_assoc(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_ASSOC_GET);
	struct nlattr *n;
	char ip[32];
	int i;

	nla_put_u32(m, SCTPNL_A_ASSOC_ID, 5);
	nla_put_u64(m, SCTPNL_A_SK_INODE, 123456789012ULL);
	nla_put_u32(m, SCTPNL_A_SK_UID, 1000);
	nla_put_u8(m, SCTPNL_A_SK_STYLE, SCTPNL_STYLE_ONE_TO_ONE);
	nla_put_u16(m, SCTPNL_A_SK_FAMILY, AF_INET6);
	nla_put_u8(m, SCTPNL_A_SK_V4MAPPED, 1);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 5000);
	nla_put_u16(m, SCTPNL_A_PEER_PORT, 6000);
	nla_put_u32(m, SCTPNL_A_LOCAL_VTAG, 0xdeadbeef);
	nla_put_u32(m, SCTPNL_A_PEER_VTAG, 0x12345678);
	nla_put_u32(m, SCTPNL_A_SNDQ, 0);
	nla_put_u32(m, SCTPNL_A_RCVQ, 0);
	nla_put_u32(m, SCTPNL_A_LOCAL_RWND, 106496);

	n = nla_nest_start(m, SCTPNL_A_LOCAL_ADDRS);
	for (i = 0; i < 19; i++) {
		snprintf(ip, sizeof(ip), "10.0.%d.1", i);
		put_addr4(m, SCTPNL_A_LOCAL_ADDRS_ENTRY, ip, -1);
	}
	put_addr6(m, SCTPNL_A_LOCAL_ADDRS_ENTRY, "fe80::1", -1, 1);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_STATUS);
	nla_put_u8(m, SCTPNL_STATUS_A_STATE, SCTPNL_STATE_ESTABLISHED);
	nla_put_u32(m, SCTPNL_STATUS_A_RWND, 106496);
	nla_put_u32(m, SCTPNL_STATUS_A_UNACKDATA, 0);
	nla_put_u32(m, SCTPNL_STATUS_A_PENDDATA, 0);
	nla_put_u16(m, SCTPNL_STATUS_A_INSTRMS, 10);
	nla_put_u16(m, SCTPNL_STATUS_A_OUTSTRMS, 10);
	nla_put_u32(m, SCTPNL_STATUS_A_FRAGMENTATION_POINT, 1452);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_RTOINFO);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_INITIAL, 3000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MAX, 60000);
	nla_put_u32(m, SCTPNL_RTOINFO_A_RTO_MIN, 1000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_ASSOCINFO);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 10);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_NUMBER_PEER_DESTINATIONS, 2);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_PEER_RWND, 106496);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_LOCAL_RWND, 106496);
	nla_put_u32(m, SCTPNL_ASSOCPARAMS_A_COOKIE_LIFE, 60000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_INITMSG);
	nla_put_u16(m, SCTPNL_INITMSG_A_NUM_OSTREAMS, 10);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_INSTREAMS, 10);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_ATTEMPTS, 8);
	nla_put_u16(m, SCTPNL_INITMSG_A_MAX_INIT_TIMEO, 60000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_DELAYED_ACK);
	nla_put_u32(m, SCTPNL_SACK_A_DELAY, 200);
	nla_put_u32(m, SCTPNL_SACK_A_FREQ, 2);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_DEFAULT_SEND);
	nla_put_u16(m, SCTPNL_SNDRCV_A_STREAM, 1);
	nla_put_u16(m, SCTPNL_SNDRCV_A_FLAGS, 0x1 | 0x200); /* unordered, eof */
	nla_put_u32(m, SCTPNL_SNDRCV_A_PPID, htonl(46));
	nla_put_u32(m, SCTPNL_SNDRCV_A_CONTEXT, 7);
	nla_put_u32(m, SCTPNL_SNDRCV_A_TIMETOLIVE, 0);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_EVENTS);
	for (i = SCTPNL_EVENTS_A_DATA_IO; i <= SCTPNL_EVENTS_A_SENDER_DRY; i++)
		nla_put_u8(m, i, i <= SCTPNL_EVENTS_A_PARTIAL_DELIVERY ||
			   i == SCTPNL_EVENTS_A_AUTHENTICATION);
	nla_nest_end(m, n);

	nla_put_u32(m, SCTPNL_A_MAXSEG, 1452);
	nla_put_u32(m, SCTPNL_A_PEER_ADAPTATION_IND, 0);
	nla_put_u8(m, SCTPNL_A_NODELAY, 1);
	nla_put_u32(m, SCTPNL_A_AUTOCLOSE, 0);
	nla_put_u8(m, SCTPNL_A_DISABLE_FRAGMENTS, 0);
	nla_put_u32(m, SCTPNL_A_ADAPTATION_IND, htonl(0x01020304));

	n = nla_nest_start(m, SCTPNL_A_STATS);
	nla_put_u64(m, SCTPNL_STATS_A_RTXCHUNKS, 3);
	nla_put_u64(m, SCTPNL_STATS_A_OPACKETS, 1ULL << 40);
	nla_put_u64(m, SCTPNL_STATS_A_MAX_OBS_RTO, 1000);
	put_addr4(m, SCTPNL_STATS_A_MAX_OBS_RTO_ADDR, "192.168.1.2", 6000);
	nla_nest_end(m, n);

	n = nla_nest_start(m, SCTPNL_A_PADDRS);
	put_path(m, "192.168.1.2", 1 /* SCTP_PF */, 0, 4380);
	put_path(m, "10.1.0.2", 2 /* SCTP_ACTIVE */, 1, 8760);
	nla_nest_end(m, n);

	nla_put(m, 200, 3, "new");	/* unknown attribute: ignored */
	return m;
}

static const char expect_status[] =
"#sctp_status{assoc_id = 5,state = established,rwnd = 106496,"
"unackdata = 0,penddata = 0,instrms = 10,outstrms = 10,"
"fragmentation_point = 1452,primary = #sctp_paddrinfo{assoc_id = 5,"
"address = {{0,0,0,0,0,65535,2561,2},6000},state = active,cwnd = 8760,"
"srtt = 3,rto = 1000,mtu = 1500}}";

static const char expect_pp0[] =
"#sctp_paddrparams{assoc_id = 5,address = {{0,0,0,0,0,65535,49320,258},"
"6000},hbinterval = 30000,pathmaxrxt = 5,pathmtu = 1500,sackdelay = 200,"
"flags = [hb_enable,pmtud_enable,sackdelay_enable]}";

static char *erl_string(enum sctpnl_rec w, const void *rec)
{
	static char buf[4096];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	CHECK(sctpnl_fprint_erl(f, w, rec) == 0);
	fclose(f);
	return buf;
}

static void test_assoc(void)
{
	struct nl_msg *m = build_assoc();
	struct sctpnl_assoc *a = malloc(sizeof(*a));
	struct sctpnl_paddrinfo pi;
	struct sctpnl_paddrparams pp;
	struct sctpnl_status st;
	struct sctpnl_setadaptation ad;
	struct sctpnl_sndrcvinfo sri;
	struct sctpnl_event_subscribe ev;
	char buf[SCTPNL_ADDRSTRLEN];
	FILE *f;

	CHECK(sctpnl_parse_assoc(nlmsg_hdr(m), a) == 0);
	CHECK(a->assoc_id == 5);
	CHECK(a->inode == 123456789012ULL);
	CHECK(a->uid == 1000 && a->sk_family == AF_INET6 && a->v4mapped);
	CHECK(a->local_port == 5000 && a->peer_port == 6000);
	CHECK(a->n_laddrs == SCTPNL_MAX_ADDRS && a->n_laddrs_total == 20);
	CHECK(a->n_paths == 2 && a->n_paths_total == 2);
	CHECK(a->primary_path == 1);
	CHECK(a->paths[0].info.state == SCTPNL_PATH_PF);
	CHECK(a->paths[1].srtt == 12 && a->paths[1].info.srtt == 3);
	CHECK(a->paths[1].last_heard == 42 && a->paths[1].rttvar == 6);
	CHECK(a->paths[0].info.hb_active == 1 &&
	      SCTPNL_ISSET(&a->paths[0].info, SCTPNL_PADDRINFO_HB_ACTIVE));
	CHECK(a->status.primary.cwnd == 8760);
	CHECK(a->stats.opackets == 1ULL << 40 && a->stats.rtxchunks == 3);
	CHECK(a->stats.max_obs_rto_addr.family == AF_INET);
	CHECK(a->sack_delay == 200 && a->sack_freq == 2);
	CHECK(a->default_send.ppid == 46);
	CHECK(a->events.authentication_event == 1);
	CHECK(a->sender_dry_event == 0);
	CHECK(a->local_vtag == 0xdeadbeef);
	CHECK(SCTPNL_HAS(a, SCTPNL_A_STATS) && !SCTPNL_HAS(a, SCTPNL_A_SNMP));
	CHECK(!strcmp(sctpnl_addr_port_ntop(&a->paths[0].info.address, buf,
					    sizeof(buf)), "192.168.1.2:6000"));

	CHECK(sctpnl_status_from_assoc(a, &st) == 0);
	CHECK(!strcmp(erl_string(SCTPNL_REC_STATUS, &st), expect_status));
	CHECK(sctpnl_paddrinfo_from_assoc(a, 0, &pi) == 0);
	CHECK(strstr(erl_string(SCTPNL_REC_PADDRINFO, &pi),
		     "state = undefined") != NULL);
	CHECK(sctpnl_paddrparams_from_assoc(a, 0, &pp) == 0);
	CHECK(!strcmp(erl_string(SCTPNL_REC_PADDRPARAMS, &pp), expect_pp0));
	CHECK(sctpnl_paddrinfo_from_assoc(a, 2, &pi) == -ENOENT);
	/* host order in the record, as getsockopt; ntohl() in Erlang (OTP) */
	CHECK(sctpnl_setadaptation_from_assoc(a, &ad) == 0);
	CHECK(ad.adaptation_ind == htonl(0x01020304));
	CHECK(!strcmp(erl_string(SCTPNL_REC_SETADAPTATION, &ad),
		      "#sctp_setadaptation{adaptation_ind = 16909060}"));
	CHECK(sctpnl_sndrcvinfo_from_assoc(a, &sri) == 0);
	CHECK(!strcmp(erl_string(SCTPNL_REC_SNDRCVINFO, &sri),
		      "#sctp_sndrcvinfo{stream = 1,ssn = 0,flags = "
		      "[unordered,eof],ppid = 46,context = 7,timetolive = 0,"
		      "tsn = 0,cumtsn = 0,assoc_id = 5}"));
	CHECK(sctpnl_events_from_assoc(a, &ev) == 0);
	CHECK(ev.authentication_event == 0);

	/* an unset field prints undefined */
	st.set &= ~(1u << SCTPNL_STATUS_RWND);
	CHECK(strstr(erl_string(SCTPNL_REC_STATUS, &st), "rwnd = undefined"));

	f = fopen("tests/test_codec.erl.out", "w");
	CHECK(f != NULL);
	if (f) {
		CHECK(sctpnl_fprint_erl_assoc(f, a) == 0);
		fclose(f);
	}
	f = fopen("tests/test_codec.json.out", "w");
	CHECK(f != NULL);
	if (f) {
		CHECK(sctpnl_fprint_json(f, SCTPNL_REC_ASSOC, a,
					 SCTPNL_JSON_PRETTY) == 0);
		fclose(f);
	}
	f = fopen("tests/test_codec.compact.json.out", "w");
	if (f) {
		CHECK(sctpnl_fprint_json(f, SCTPNL_REC_ASSOC, a, 0) == 0);
		fclose(f);
	}
	free(a);
	nlmsg_free(m);
}

static void test_bad(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_ASSOC_GET);
	struct sctpnl_assoc *a = malloc(sizeof(*a));
	struct nlattr *n, *l;

	nla_put_u16(m, SCTPNL_A_ASSOC_ID, 5);	/* too short for u32 */
	CHECK(sctpnl_parse_assoc(nlmsg_hdr(m), a) == -EBADMSG);
	nlmsg_free(m);

	m = new_msg(SCTPNL_CMD_ASSOC_GET);
	l = nla_nest_start(m, SCTPNL_A_LOCAL_ADDRS);
	n = nla_nest_start(m, SCTPNL_A_LOCAL_ADDRS_ENTRY);
	nla_put_u16(m, SCTPNL_ADDR_A_FAMILY, AF_INET6);	/* no IN6 */
	nla_nest_end(m, n);
	nla_nest_end(m, l);
	CHECK(sctpnl_parse_assoc(nlmsg_hdr(m), a) == -EBADMSG);
	nlmsg_free(m);
	free(a);
}

static void test_ep_snmp(void)
{
	struct nl_msg *m = new_msg(SCTPNL_CMD_EP_GET);
	struct sctpnl_snmp s;
	struct sctpnl_ep e;
	struct nlattr *n;
	int i;

	nla_put_u64(m, SCTPNL_A_SK_INODE, 77);
	nla_put_u16(m, SCTPNL_A_LOCAL_PORT, 3868);
	nla_put_u32(m, SCTPNL_A_EP_ASSOCS, 3);
	nla_put_u8(m, SCTPNL_A_EP_LISTENING, 1);
	n = nla_nest_start(m, SCTPNL_A_PADDRPARAMS);
	nla_put_u32(m, SCTPNL_PADDR_A_HBINTERVAL, 30000);
	nla_put_u32(m, SCTPNL_PADDR_A_MTU, 0);
	nla_nest_end(m, n);
	n = nla_nest_start(m, SCTPNL_A_ASSOCINFO);
	nla_put_u16(m, SCTPNL_ASSOCPARAMS_A_ASOCMAXRXT, 10);
	nla_nest_end(m, n);
	CHECK(sctpnl_parse_ep(nlmsg_hdr(m), &e) == 0);
	CHECK(e.inode == 77 && e.port == 3868 && e.assocs == 3 &&
	      e.listening == 1);
	CHECK(e.paddrparams.hbinterval == 30000);
	CHECK(!strcmp(erl_string(SCTPNL_REC_PADDRPARAMS, &e.paddrparams),
		      "#sctp_paddrparams{assoc_id = undefined,address = "
		      "undefined,hbinterval = 30000,pathmaxrxt = undefined,"
		      "pathmtu = 0,sackdelay = undefined,flags = undefined}"));
	CHECK(!strcmp(erl_string(SCTPNL_REC_ASSOCPARAMS, &e.assocparams),
		      "#sctp_assocparams{assoc_id = undefined,asocmaxrxt = 10,"
		      "number_peer_destinations = undefined,peer_rwnd = "
		      "undefined,local_rwnd = undefined,cookie_life = "
		      "undefined}"));
	nlmsg_free(m);

	m = new_msg(SCTPNL_CMD_SNMP_GET);
	n = nla_nest_start(m, SCTPNL_A_SNMP);
	for (i = SCTPNL_SNMP_A_CURR_ESTAB; i <= SCTPNL_SNMP_A_MAX; i++)
		nla_put_u64(m, i, 1000 + i);
	nla_nest_end(m, n);
	CHECK(sctpnl_parse_snmp(nlmsg_hdr(m), &s) == 0);
	CHECK(s.v[SCTPNL_SNMP_A_CURR_ESTAB] == 1000 + SCTPNL_SNMP_A_CURR_ESTAB);
	CHECK(!strcmp(sctpnl_snmp_name(SCTPNL_SNMP_A_CURR_ESTAB),
		      "SctpCurrEstab"));
	CHECK(!strcmp(sctpnl_snmp_name(SCTPNL_SNMP_A_IN_DATA_CHUNK_DISCARDS),
		      "SctpInDataChunkDiscards"));
	CHECK(sctpnl_snmp_name(SCTPNL_SNMP_A_PAD) == NULL);
	for (i = SCTPNL_SNMP_A_CURR_ESTAB; i <= SCTPNL_SNMP_A_MAX; i++)
		CHECK(sctpnl_snmp_name(i) != NULL);
	nlmsg_free(m);
}

static void test_addr(void)
{
	struct sctpnl_addr a;
	char buf[SCTPNL_ADDRSTRLEN];

	CHECK(sctpnl_addr_pton("10.0.0.1:5000", &a, 1) == 0);
	CHECK(a.family == AF_INET && a.port == 5000);
	CHECK(sctpnl_addr_pton("10.0.0.1", &a, 1) == -EINVAL);
	CHECK(sctpnl_addr_pton("[2001:db8::1]:80", &a, 1) == 0);
	CHECK(a.family == AF_INET6 && a.port == 80);
	CHECK(!strcmp(sctpnl_addr_port_ntop(&a, buf, sizeof(buf)),
		      "[2001:db8::1]:80"));
	CHECK(sctpnl_addr_pton("2001:db8::1", &a, 0) == 0 && a.port == 0);
	CHECK(sctpnl_addr_pton("fe80::1%1", &a, 0) == 0 && a.scope_id == 1);
	CHECK(sctpnl_addr_pton("10.0.0.1:99999", &a, 1) == -EINVAL);
	CHECK(sctpnl_addr_pton("bogus", &a, 0) == -EINVAL);
	/* the library's own dotted quads, as inet_ntop() writes them */
	CHECK(sctpnl_addr_pton("0.10.100.255", &a, 0) == 0);
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, sizeof(buf)), "0.10.100.255"));
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, 12), ""));
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, 13), "0.10.100.255"));
	CHECK(sctpnl_addr_pton("::ffff:192.0.2.7", &a, 0) == 0);
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, sizeof(buf)),
		      "::ffff:192.0.2.7"));
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, 16), ""));
	CHECK(!strcmp(sctpnl_addr_ntop(&a, buf, 17), "::ffff:192.0.2.7"));
	CHECK(sctpnl_state_from_name("ESTABLISHED") == SCTPNL_STATE_ESTABLISHED);
	CHECK(!strcmp(sctpnl_state_name(42), "undefined"));
	CHECK(!strcmp(sctpnl_assoc_change_atom(4), "cant_assoc"));
	CHECK(!strcmp(sctpnl_assoc_change_atom(5), "undefined"));
	CHECK(!strcmp(sctpnl_paddr_change_atom(6), "addr_potentially_failed"));
	CHECK(!strcmp(sctpnl_paddr_change_atom(7), "undefined"));
	CHECK(!strcmp(sctpnl_pdapi_atom(0), "partial_delivery_aborted"));
	CHECK(!strcmp(sctpnl_pdapi_atom(1), "undefined"));
	CHECK(!strcmp(sctpnl_path_state_atom(SCTPNL_PATH_PF), "undefined"));
	CHECK(!strcmp(sctpnl_path_state_name(SCTPNL_PATH_PF), "pf"));
}

static void test_erl_addr(void)
{
	static char buf[128];
	struct sctpnl_addr a;
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	sctpnl_addr_pton("10.0.0.1:5000", &a, 1);
	CHECK(sctpnl_fprint_erl_addr(f, &a) == 0);
	fputc(' ', f);
	sctpnl_addr_pton("[2001:db8::1]:80", &a, 1);
	CHECK(sctpnl_fprint_erl_addr(f, &a) == 0);
	fputc(' ', f);
	memset(&a, 0, sizeof(a));
	CHECK(sctpnl_fprint_erl_addr(f, &a) == 0);
	fclose(f);
	CHECK(!strcmp(buf, "{{10,0,0,1},5000} {{8193,3512,0,0,0,0,0,1},80} "
		      "undefined"));
}

static void test_json_escape(void)
{
	static char buf[256];
	FILE *f = fmemopen(buf, sizeof(buf), "w");
	struct sctpnl_json *j = sctpnl_json_new(f, 0);

	sctpnl_json_begin_object(j, NULL);
	sctpnl_json_string(j, "k\"", "a\"b\\c\n\x01");
	sctpnl_json_begin_array(j, "e");
	sctpnl_json_end_array(j);
	sctpnl_json_end_object(j);
	CHECK(sctpnl_json_free(j) == 0);
	fclose(f);
	CHECK(!strcmp(buf, "{\"k\\\"\":\"a\\\"b\\\\c\\n\\u0001\",\"e\":[]}\n"));
}

int main(void)
{
	test_assoc();
	test_bad();
	test_ep_snmp();
	test_addr();
	test_erl_addr();
	test_json_escape();
	if (failures) {
		fprintf(stderr, "test_codec: %d failures\n", failures);
		return 1;
	}
	printf("test_codec: ok\n");
	return 0;
}
