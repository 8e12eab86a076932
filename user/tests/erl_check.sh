#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Parse tests/test_codec.erl.out with erl and inet_sctp.hrl: every line
# must be a valid record term, and the key ones must equal (=:=) the
# records as gen_sctp builds them.  Skipped when erl is not installed.
set -e
cd "$(dirname "$0")"
if ! command -v erlc >/dev/null 2>&1; then
	echo "erl_check: skipped (no erlc)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	echo '-module(sctpnl_terms).'
	echo '-export([terms/0]).'
	echo '-include_lib("kernel/include/inet_sctp.hrl").'
	echo 'terms() -> ['
	sed -e 's/\.$/,/' test_codec.erl.out
	echo 'end_of_terms].'
} > "$tmp/sctpnl_terms.erl"
cat > "$tmp/sctpnl_check.erl" <<'ERL'
-module(sctpnl_check).
-export([main/0]).
-include_lib("kernel/include/inet_sctp.hrl").

main() ->
    Ts = lists:droplast(sctpnl_terms:terms()),
    Prim = #sctp_paddrinfo{assoc_id = 5,
                           address = {{0,0,0,0,0,16#ffff,16#0a01,2}, 6000},
                           state = active, cwnd = 8760, srtt = 3,
                           rto = 1000, mtu = 1500},
    Expect =
        [#sctp_status{assoc_id = 5, state = established, rwnd = 106496,
                      unackdata = 0, penddata = 0, instrms = 10,
                      outstrms = 10, fragmentation_point = 1452,
                      primary = Prim},
         #sctp_paddrinfo{assoc_id = 5,
                         address = {{0,0,0,0,0,16#ffff,16#c0a8,16#0102},
                                    6000},
                         state = undefined, cwnd = 4380, srtt = 3,
                         rto = 1000, mtu = 1500},
         #sctp_paddrparams{assoc_id = 5,
                           address = {{0,0,0,0,0,16#ffff,16#c0a8,16#0102},
                                      6000},
                           hbinterval = 30000, pathmaxrxt = 5,
                           pathmtu = 1500, sackdelay = 200,
                           flags = [hb_enable, pmtud_enable,
                                    sackdelay_enable]},
         Prim,
         #sctp_paddrparams{assoc_id = 5,
                           address = {{0,0,0,0,0,16#ffff,16#0a01,2}, 6000},
                           hbinterval = 30000, pathmaxrxt = 5,
                           pathmtu = 1500, sackdelay = 200,
                           flags = [hb_enable, pmtud_enable,
                                    sackdelay_enable]},
         #sctp_rtoinfo{assoc_id = 5, initial = 3000, max = 60000,
                       min = 1000},
         #sctp_assocparams{assoc_id = 5, asocmaxrxt = 10,
                           number_peer_destinations = 2,
                           peer_rwnd = 106496, local_rwnd = 106496,
                           cookie_life = 60000},
         #sctp_initmsg{num_ostreams = 10, max_instreams = 10,
                       max_attempts = 8, max_init_timeo = 60000},
         #sctp_assoc_value{assoc_id = 5, assoc_value = 200},
         #sctp_sndrcvinfo{stream = 1, ssn = 0, flags = [unordered, eof],
                          ppid = 46, context = 7, timetolive = 0, tsn = 0,
                          cumtsn = 0, assoc_id = 5},
         #sctp_event_subscribe{data_io_event = true,
                               association_event = true,
                               address_event = true,
                               send_failure_event = true,
                               peer_error_event = true,
                               shutdown_event = true,
                               partial_delivery_event = true,
                               adaptation_layer_event = false,
                               authentication_event = false},
         #sctp_setadaptation{adaptation_ind = 16#01020304},
         #sctp_prim{assoc_id = 5,
                    addr = {{0,0,0,0,0,16#ffff,16#0a01,2}, 6000}}],
    case Ts =:= Expect of
        true ->
            io:format("erl_check: ok (~b terms)~n", [length(Ts)]),
            halt(0);
        false ->
            io:format("erl_check: MISMATCH~n got:  ~p~n want: ~p~n",
                      [Ts, Expect]),
            halt(1)
    end.
ERL
erlc -o "$tmp" "$tmp/sctpnl_terms.erl" "$tmp/sctpnl_check.erl"
HOME=${HOME:-/tmp} erl -noshell -pa "$tmp" -s sctpnl_check main
