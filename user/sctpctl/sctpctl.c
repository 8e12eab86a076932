// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl: show the SCTP associations, endpoints and MIB of the current
 * network namespace through the sctpnl generic netlink family.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sctpctl.h"

#define SCTPCTL_VERSION	SCTPNL_LIB_VERSION

static const char usage_text[] =
"Usage: sctpctl [OPTIONS] OBJECT COMMAND [ARGS]\n"
"\n"
"OPTIONS\n"
"  -j, --json           JSON output (keys are inet_sctp.hrl field names)\n"
"  -p, --pretty         indent JSON\n"
"  -f, --format FMT     table (default), json, or erl\n"
"  -4, -6               only IPv4 (IPv6) associations (primary peer address)\n"
"  -P, --processes      show the processes holding each socket, as ss -p:\n"
"                       users:((\"name\",pid=N,fd=N)) (table), \"users\" (JSON)\n"
"  -s, --stats          assoc table: the association's counters\n"
"                       (SCTP_GET_ASSOC_STATS) on a second line\n"
"  -V, --version        print the version\n"
"  -h, --help           this text\n"
"\n"
"OBJECTS AND COMMANDS\n"
"  assoc [show] [FILTER...]\n"
"      Every association of the namespace, one per line:\n"
"      ID STATE Recv-Q Send-Q LOCAL PEER (STYLE) INO UID RWND UNACK\n"
"      [USERS]; Recv-Q: bytes received not yet read by the owner,\n"
"      Send-Q: bytes queued and not yet acknowledged.\n"
"      LOCAL/PEER are ADDR[,ADDR...]:PORT (IPv6 in brackets, the peer's\n"
"      primary first, ,+N when more addresses were not stored); RWND is\n"
"      the peer's window (#sctp_status.rwnd), UNACK unacked DATA chunks.\n"
"      -j: a JSON array of association objects.  -f erl: for each\n"
"      association, one Erlang term per line ended by '.': #sctp_status{}\n"
"      (with primary), then per path #sctp_paddrinfo{} and\n"
"      #sctp_paddrparams{}, then #sctp_rtoinfo{}, #sctp_assocparams{},\n"
"      #sctp_initmsg{}, #sctp_assoc_value{} (delayed ack time),\n"
"      #sctp_sndrcvinfo{} (default send), #sctp_event_subscribe{},\n"
"      #sctp_setadaptation{}, #sctp_prim{}.\n"
"  status ASSOC\n"
"      #sctp_status{} of one association (table: one field per line).\n"
"  paddr ASSOC\n"
"      Every peer path of one association: #sctp_paddrinfo{} and\n"
"      #sctp_paddrparams{} (table: one path per line).\n"
"  ep [show] [FILTER...]\n"
"      Every SCTP socket (listening or owning associations).  -f erl\n"
"      prints its defaults: #sctp_initmsg{}, #sctp_rtoinfo{},\n"
"      #sctp_assocparams{}, #sctp_paddrparams{}, #sctp_event_subscribe{}.\n"
"  snmp\n"
"      The namespace's SCTP MIB, as /proc/net/sctp/snmp (Name<TAB>value).\n"
"  summary\n"
"      One screen, like ss -s: associations by state and by style,\n"
"      endpoints (listening), retransmitted chunks of the current\n"
"      associations, and the MIB's totals since boot (established,\n"
"      aborted, shut down, retransmissions).  -j: one JSON object.\n"
"  top [--sort rtx|srtt|unacked|rwnd|opkt|ipkt|id] [--interval MS]\n"
"      [-n N | --batch N] [FILTER...]\n"
"      A live view: the associations sorted by a column (largest first;\n"
"      rwnd: smallest first), refreshed every MS (1000) from one dump,\n"
"      with per-second rates (RTX/s, OPKT/s, IPKT/s) from the stats\n"
"      counters.  80 columns, plain ANSI escapes; q quits, r s u w o i d\n"
"      pick the sort.  -n N: N refreshes to stdout, no escapes, no keys.\n"
"  module\n"
"      What the loaded module cannot deliver on this kernel (events whose\n"
"      hook is missing, or disabled at load with disable=), or \"none\".\n"
"  set ASSOC OPTION [ARGS]\n"
"      Set one option of any association, through the SCTP stack's own\n"
"      setsockopt, as its owner could (needs CAP_NET_ADMIN).  OPTION as\n"
"      in gen_sctp, with or without the sctp_ prefix; fields not given\n"
"      stay as they are:\n"
"        rtoinfo [initial MS] [max MS] [min MS]\n"
"        associnfo [asocmaxrxt N] [cookie_life MS]\n"
"        initmsg [num_ostreams N] [max_instreams N] [max_attempts N]\n"
"                [max_init_timeo MS]            (the socket's, for new ones)\n"
"        peer_addr_params | paddrparams [addr ADDR] [hbinterval MS]\n"
"                [pathmaxrxt N] [pathmtu N] [sackdelay MS] [flags F[,F...]]\n"
"            F: hb_enable hb_disable hb_demand pmtud_enable pmtud_disable\n"
"            sackdelay_enable sackdelay_disable hb_time_is_zero (a zero\n"
"            interval; hbinterval 0 is refused).  Without addr: every path.\n"
"            hbinterval implies hb_enable, pathmtu pmtud_disable, sackdelay\n"
"            sackdelay_enable, unless flags name that group.\n"
"        primary_addr | primary ADDR[:PORT]     (a peer address)\n"
"        set_peer_primary_addr | peer_primary ADDR[:PORT]  (ours; ASCONF)\n"
"        delayed_ack_time MS [freq N]\n"
"        maxseg N | nodelay on|off | autoclose S | disable_fragments on|off\n"
"        adaptation_layer N\n"
"        default_send_param [stream N] [flags F[,F...]] [ppid N]\n"
"                [context N] [timetolive MS]\n"
"            F: unordered addr_over abort eof (none: \"\" or none)\n"
"  abort ASSOC [reason TEXT]\n"
"      Abort the association (ABORT with TEXT as the user-initiated abort\n"
"      cause).  One-to-many and peeled-off sockets only.\n"
"  eof ASSOC\n"
"      Start a graceful SHUTDOWN of the association.\n"
"  monitor [events|probe|all] [id N]... [-j | -f erl] [--rcvbuf BYTES]\n"
"          [--count N] [--interval MS]\n"
"      Every SCTP event of the namespace as it happens, whatever the\n"
"      owning sockets subscribed to (default: events).  Table:\n"
"      TIME EVENT ASSOC LOCAL PEER DETAIL; -j: one JSON object per line,\n"
"      the record under its name (\"sctp_assoc_change\": {...}); -f erl:\n"
"      one term per line ended by '.', the record exactly as gen_sctp\n"
"      delivers it (#sctp_paddr_change{} state addr_potentially_failed\n"
"      for SCTP_ADDR_PF, which OTP has no atom for).  probe samples:\n"
"      one line (JSON object, Erlang map) per path per SACK.  id N: only\n"
"      those associations.  --interval MS: set the namespace's probe\n"
"      filter to those associations (none: all), at most one sample per\n"
"      MS each (0: every SACK).  --count N: exit after N lines.  Losses\n"
"      (receive buffer overruns, or events the module could not send)\n"
"      are reported on stderr and monitoring goes on.  Needs\n"
"      CAP_NET_ADMIN.\n"
"  probe ASSOC --duration S --out FILE.csv [--plot FILE.png]\n"
"      Record the association's per-path congestion samples (one per\n"
"      path per SACK) for S seconds into FILE.csv: time_s,assoc_id,addr,\n"
"      cwnd,ssthresh,srtt_ms,rto_ms,flight_size,partial_bytes_acked,\n"
"      peer_rwnd,state,primary.  Sets the namespace's probe filter to\n"
"      ASSOC and resets it (every association) afterwards.  --plot: draw\n"
"      cwnd, ssthresh, flight size, peer rwnd and srtt, rto per path\n"
"      (gnuplot) on one time axis, the association's events marked.\n"
"  export [--out FILE.prom] [--openmetrics] [assoc [FILTER...] [max N]]\n"
"      The metrics of sctpnl-exporter(8) once, in the Prometheus text\n"
"      format (without the event counters), for node_exporter's textfile\n"
"      collector: FILE.prom is replaced atomically (a temporary file in\n"
"      its directory, renamed), stdout without --out.  assoc: also the\n"
"      per-association and per-path series, of the associations matching\n"
"      every FILTER given: lport N, pport N, laddr ADDR, paddr ADDR,\n"
"      id ID[,ID...]; max N: at most N of them.\n"
"  help\n"
"      This text.\n"
"\n"
"ASSOC is an association id, or LADDR:LPORT PADDR:PPORT (IPv6 as\n"
"[ADDR]:PORT).\n"
"\n"
"FILTER (all given must match):\n"
"  lport N | pport N | laddr ADDR | paddr ADDR | state S[,S...] |\n"
"  uid N | ino N | id N | pid N | comm NAME\n"
"  assoc show also takes expressions, as ss does:\n"
"    TERM [and|&&] TERM, TERM or|'||' TERM, not|! TERM, ( EXPR ),\n"
"    sport|lport N[-M], dport|pport N[-M], src|laddr ADDR, dst|paddr ADDR\n"
"  e.g. sctpctl assoc show sport 5000-5010 or not state established\n"
"  -4, -6: only associations whose primary peer address is IPv4, IPv6.\n"
"  State groups: connected (not closed), synchronized (handshake done),\n"
"  closing (shutdown_*), handshake (cookie_*), all.\n"
"  (pid and comm: sockets held by that process, found in /proc as ss -p\n"
"  does; only your own processes without privilege.)\n"
"  States: empty closed cookie_wait cookie_echoed established\n"
"  shutdown_pending shutdown_sent shutdown_received shutdown_ack_sent.\n"
"\n"
"Erlang output equals what inet:getopts/2 returns on the owning socket\n"
"(erl -include_lib(\"kernel/include/inet_sctp.hrl\")): srtt raw as\n"
"getsockopt reports it, IPv4 addresses of v4-mapped IPv6 sockets as\n"
"{0,0,0,0,0,65535,X,Y}, a potentially-failed path's state `undefined`.\n"
"\n"
"Exit status: 0 on success, 1 on error (message on stderr).\n";

static const struct option long_opts[] = {
	{ "json",	no_argument,		NULL, 'j' },
	{ "pretty",	no_argument,		NULL, 'p' },
	{ "format",	required_argument,	NULL, 'f' },
	{ "ipv4",	no_argument,		NULL, '4' },
	{ "ipv6",	no_argument,		NULL, '6' },
	{ "processes",	no_argument,		NULL, 'P' },
	{ "stats",	no_argument,		NULL, 's' },
	{ "version",	no_argument,		NULL, 'V' },
	{ "help",	no_argument,		NULL, 'h' },
	{ NULL,		0,			NULL, 0 },
};

/* -P, pid, comm: who holds which socket, read once before the dump. */
static int scan_procs(struct out *o)
{
	int err;

	if (!o->procs && !o->pid && !o->comm && !filter_needs_procs(o->expr))
		return 0;
	err = procs_scan();
	return err ? fail(err, "scanning /proc") : 0;
}

static int assoc_cb(const struct sctpnl_assoc *a, void *arg)
{
	return out_assoc(arg, a);
}

static int ep_cb(const struct sctpnl_ep *e, void *arg)
{
	return out_ep(arg, e);
}

static int is_show(int *argc, char ***argv)
{
	if (*argc && (!strcmp((*argv)[0], "show") ||
		      !strcmp((*argv)[0], "list") ||
		      !strcmp((*argv)[0], "ls"))) {
		(*argc)--;
		(*argv)++;
	}
	return 1;
}

static int cmd_assoc(struct out *o, int argc, char **argv)
{
	struct sctpnl_filter f;
	int err;

	is_show(&argc, &argv);
	if (filter_is_expr(argc, argv)) {
		/* or, not, ranges...: evaluated here, on a full dump */
		memset(&f, 0, sizeof(f));
		o->expr = filter_parse(argc, argv);
		if (!o->expr)
			return 1;
	} else if (parse_filter(argc, argv, &f, o)) {
		return 1;
	}
	/* The table shows little of each association: ask for little. */
	if (o->fmt == FMT_TABLE) {
		f.info = SCTPNL_INFO_BRIEF | SCTPNL_INFO_MISC;
		if (o->stats)
			f.info |= SCTPNL_INFO_STATS;
		SCTPNL_SETF(&f, SCTPNL_FILTER_INFO);
	}
	if (open_handle() || scan_procs(o))
		return 1;
	out_begin(o, 1);
	err = sctpnl_assoc_dump(cli_handle(), &f, assoc_cb, o);
	if (err) {
		out_end(o);
		return fail(err, "association dump");
	}
	out_empty_header(o, 0);
	return out_end(o) ? fail(EIO, "stdout") : 0;
}

static int cmd_one(struct out *o, int argc, char **argv, int paddr)
{
	struct sctpnl_assoc *a;
	struct sctpnl_key k;
	int err;

	if (parse_key(argc, argv, &k))
		return 1;
	if (open_handle())
		return 1;
	a = malloc(sizeof(*a));
	if (!a)
		return fail(ENOMEM, NULL);
	err = sctpnl_assoc_get(cli_handle(), &k, a);
	if (err) {
		free(a);
		return fail(err, "association");
	}
	out_begin(o, paddr);
	err = paddr ? out_paddrs(o, a) : out_status(o, a);
	free(a);
	if (err) {
		out_end(o);
		return fail(err, NULL);
	}
	return out_end(o) ? fail(EIO, "stdout") : 0;
}

static int cmd_ep(struct out *o, int argc, char **argv)
{
	struct sctpnl_filter f;
	int err;

	is_show(&argc, &argv);
	if (parse_filter(argc, argv, &f, o))
		return 1;
	if (open_handle() || scan_procs(o))
		return 1;
	out_begin(o, 1);
	err = sctpnl_ep_dump(cli_handle(), &f, ep_cb, o);
	if (err) {
		out_end(o);
		return fail(err, "endpoint dump");
	}
	out_empty_header(o, 1);
	return out_end(o) ? fail(EIO, "stdout") : 0;
}

static int cmd_snmp(struct out *o, int argc, char **argv)
{
	struct sctpnl_snmp s;
	int err;

	if (argc)
		return bad_arg("snmp: unexpected \"%s\"", argv[0]);
	if (o->fmt == FMT_ERL)
		return bad_arg("%s: no Erlang form for the MIB", "snmp");
	if (open_handle())
		return 1;
	err = sctpnl_snmp_get(cli_handle(), &s);
	if (err)
		return fail(err, "snmp");
	out_begin(o, 0);
	out_snmp(o, &s);
	return out_end(o) ? fail(EIO, "stdout") : 0;
}

/* What the module cannot deliver: table "unavailable: ...", or JSON. */
static int cmd_module(struct out *o, int argc, char **argv)
{
	char buf[256], *p, *name;
	int err;

	if (argc)
		return bad_arg("module: unexpected \"%s\"", argv[0]);
	if (o->fmt == FMT_ERL)
		return bad_arg("%s: no Erlang form", "module");
	err = sctpnl_hooks_unavailable(buf, sizeof(buf));
	if (err == -ENOENT) {
		fprintf(stderr, "sctpctl: module: sctpnl is not loaded\n");
		return 1;
	}
	if (err)
		return fail(-err, "module");
	if (o->fmt == FMT_TABLE) {
		printf("unavailable: %s\n", buf[0] ? buf : "none");
		return 0;
	}
	fputs("{\"unavailable\":[", stdout);
	for (p = buf; *buf && (name = strsep(&p, ",")) != NULL;)
		printf("%s\"%s\"", name == buf ? "" : ",", name);
	fputs("]}\n", stdout);
	return 0;
}

static int matches(const char *arg, const char *cmd)
{
	size_t n = strlen(arg);

	return n && n <= strlen(cmd) && !strncmp(arg, cmd, n);
}

/* Options: -1 to go on with the command, else the exit status. */
static int parse_opts(int argc, char **argv, struct out *o)
{
	int c;

	while ((c = getopt_long(argc, argv, "+46jpf:PsVh", long_opts,
				NULL)) != -1) {
		switch (c) {
		case '4':
		case '6':
			o->family = c == '4' ? AF_INET : AF_INET6;
			break;
		case 'P':
			o->procs = 1;
			break;
		case 's':
			o->stats = 1;
			break;
		case 'j':
			o->fmt = FMT_JSON;
			break;
		case 'p':
			o->json_flags |= SCTPNL_JSON_PRETTY;
			break;
		case 'f':
			if (!strcmp(optarg, "json"))
				o->fmt = FMT_JSON;
			else if (!strcmp(optarg, "erl") ||
				 !strcmp(optarg, "erlang"))
				o->fmt = FMT_ERL;
			else if (!strcmp(optarg, "table"))
				o->fmt = FMT_TABLE;
			else
				return bad_arg("unknown format \"%s\"", optarg);
			break;
		case 'V':
			printf("sctpctl %s (libsctpnl, uapi family version "
			       "%d)\n", SCTPCTL_VERSION, SCTPNL_FAMILY_VERSION);
			return 0;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			fputs(usage_text, stderr);
			return 1;
		}
	}
	return -1;
}

static int run_cmd(struct out *o, const char *obj, int argc, char **argv)
{
	if (matches(obj, "association"))
		return cmd_assoc(o, argc, argv);
	if (matches(obj, "status"))
		return cmd_one(o, argc, argv, 0);
	if (matches(obj, "paddr") || matches(obj, "path"))
		return cmd_one(o, argc, argv, 1);
	if (matches(obj, "endpoint") || !strcmp(obj, "ep"))
		return cmd_ep(o, argc, argv);
	if (matches(obj, "snmp"))
		return cmd_snmp(o, argc, argv);
	if (matches(obj, "summary") && strlen(obj) >= 2)
		return cmd_summary(o, argc, argv);
	if (!strcmp(obj, "top"))
		return cmd_top(o, argc, argv);
	if (!strcmp(obj, "set"))
		return cmd_set(argc, argv);
	if (!strcmp(obj, "abort"))
		return cmd_abort(argc, argv);
	if (!strcmp(obj, "eof") || !strcmp(obj, "shutdown"))
		return cmd_eof(argc, argv);
	if (matches(obj, "monitor") && strlen(obj) >= 3)
		return cmd_monitor(o, argc, argv);
	if (!strcmp(obj, "probe"))
		return cmd_probe(argc, argv);
	if (matches(obj, "module") && strlen(obj) >= 3)
		return cmd_module(o, argc, argv);
	if (!strcmp(obj, "export"))
		return cmd_export(argc, argv);
	if (matches(obj, "help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	return bad_arg("unknown object \"%s\"", obj);
}

static char stdout_buf[1 << 16];

int main(int argc, char **argv)
{
	struct out o = { .fmt = FMT_TABLE };
	int ret;

	/* A listing is megabytes: fewer, larger writes (monitor, top and a
	 * terminal change or keep this).  The buffer is ours: given NULL,
	 * glibc ignores the size and keeps st_blksize (4 KiB for a pipe or
	 * /dev/null), a write(2) every two associations of JSON. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));

	ret = parse_opts(argc, argv, &o);
	if (ret >= 0)
		return ret;
	argc -= optind;
	argv += optind;
	if (!argc) {
		fputs(usage_text, stderr);
		return 1;
	}
	ret = run_cmd(&o, argv[0], argc - 1, argv + 1);
	cli_close();
	return ret;
}
