%% SPDX-License-Identifier: LGPL-2.1-or-later
%% @private
%% @doc Top supervisor of the sctpnl application: one {@link sctpnl_server}.
-module(sctpnl_sup).
-behaviour(supervisor).

-export([start_link/0, init/1]).

-spec start_link() -> {ok, pid()} | ignore | {error, term()}.
start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

-spec init([]) -> {ok, {supervisor:sup_flags(), [supervisor:child_spec()]}}.
init([]) ->
    Flags = #{strategy => one_for_one, intensity => 5, period => 10},
    Server = #{id => sctpnl_server,
               start => {sctpnl_server, start_link, []},
               restart => permanent,
               shutdown => 5000,
               type => worker,
               modules => [sctpnl_server]},
    {ok, {Flags, [Server]}}.
