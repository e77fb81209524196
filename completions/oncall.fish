# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_oncall_global_optspecs
    string join \n repo= color= tz= h/help V/version
end

function __fish_oncall_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_oncall_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_oncall_using_subcommand
    set -l cmd (__fish_oncall_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c oncall -n "__fish_oncall_needs_command" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_needs_command" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_needs_command" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_needs_command" -s V -l version -d 'Print version'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "who" -d 'Show who is on call now (or at --at) in every schedule, or those named'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "shifts" -d 'List the final shifts of a schedule: who is on call from when to when'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "schedules" -d 'List the schedules with their layers and overrides'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "people" -d 'List the people with their contact methods and schedules'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "validate" -d 'Check the schedule directory for errors, and for problems over time'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "init" -d 'Create a schedule directory in a new git repository'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "override" -d 'Put someone on call for a period, above every layer: a committed override'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "swap" -d 'Trade shifts: you take theirs and they take yours (two overrides, one commit)'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "offer" -d 'Put one of your shifts (or part of one) up for grabs'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "offers" -d 'List the open offers of the shift market'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "take" -d 'Take an offered shift: you are on call instead, as a committed override'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "withdraw" -d 'Withdraw an offer you made'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "roster" -d 'Change a layer\'s members without reshuffling the rotation'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "undo" -d 'Take back the latest change made with oncall (or REV), as a new commit'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "redo" -d 'Take back the latest undo, as a new commit'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "history" -d 'Show who changed what, when and why, with each change\'s effect'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "diff" -d 'Show where two revisions put different people on call'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "export" -d 'Export calendars (ICS) and contacts (vCard)'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "completions" -d 'Print the shell completion script for oncall'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "man" -d 'Write man pages for oncall and each of its commands'
complete -c oncall -n "__fish_oncall_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand who" -l at -d 'The instant to ask about [default: now]' -r
complete -c oncall -n "__fish_oncall_using_subcommand who" -l rev -d 'Read the schedules as they were at this git revision (time travel)' -r
complete -c oncall -n "__fish_oncall_using_subcommand who" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand who" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand who" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand who" -l json -d 'Print JSON: [{"schedule", "person", "start", "end"}, ...]'
complete -c oncall -n "__fish_oncall_using_subcommand who" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l from -d 'Start of the window [default: now]' -r
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l to -d 'End of the window [default: 14 days after --from]' -r
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l person -d 'Only this person\'s shifts' -r
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l rev -d 'Read the schedules as they were at this git revision (time travel)' -r
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -l json -d 'Print JSON: [{"person", "start", "end"}, ...]'
complete -c oncall -n "__fish_oncall_using_subcommand shifts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand schedules" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand schedules" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand schedules" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand schedules" -l json -d 'Print JSON'
complete -c oncall -n "__fish_oncall_using_subcommand schedules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand people" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand people" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand people" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand people" -l json -d 'Print JSON'
complete -c oncall -n "__fish_oncall_using_subcommand people" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l horizon -d 'How far ahead from now to look for gaps and other problems in time' -r
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l format -d 'Output format' -r -f -a "human\t''
json\t''
github\t''"
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l rev -d 'Check the directory as it was at this git revision' -r
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand validate" -l strict -d 'Treat warnings as errors (exit 1)'
complete -c oncall -n "__fish_oncall_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand init" -l timezone -d 'The default timezone of the schedules [default: --tz, TZ or the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand init" -l people -d 'Handles of the first people, comma-separated (a weekly rotation of them is created)' -r
complete -c oncall -n "__fish_oncall_using_subcommand init" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand init" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand init" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand init" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand init" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand init" -l example -d 'Write a small working example'
complete -c oncall -n "__fish_oncall_using_subcommand init" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand init" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand init" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand override" -l who -d 'Who is on call' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l from -d 'Start of the override' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l to -d 'End of the override (exclusive)' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l reason -d 'Why (kept in the file and the commit)' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand override" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand override" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand override" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand override" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand override" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand override" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l as -d 'Whose "mine" [default: ONCALL_USER, else the person with git\'s user.email]' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l with -d 'The partner [default: whoever holds the shift on --theirs]' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l mine -d 'A date on which you hold the shift to give away' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l theirs -d 'A date on which your partner holds the shift you take' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l from -d 'Start of the part of your shift to give away' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l to -d 'End of the part of your shift to give away' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l theirs-from -d 'Start of the part of their shift you take' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l theirs-to -d 'End of the part of their shift you take' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l reason -d 'Why (kept in the file and the commit)' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand swap" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand swap" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand swap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l shift -d 'A date on which you hold the shift to offer' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l from -d 'Start of the part of your shift to offer' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l to -d 'End of the part of your shift to offer' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l as -d 'Whose shift [default: ONCALL_USER, else the person with git\'s user.email]' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l note -d 'A note for whoever takes it' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand offer" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand offer" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand offer" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand offers" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand offers" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand offers" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand offers" -l all -d 'Include offers whose time is over'
complete -c oncall -n "__fish_oncall_using_subcommand offers" -l json -d 'Print JSON'
complete -c oncall -n "__fish_oncall_using_subcommand offers" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand take" -l as -d 'Who takes it [default: ONCALL_USER, else the person with git\'s user.email]' -r
complete -c oncall -n "__fish_oncall_using_subcommand take" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand take" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand take" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand take" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand take" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand take" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand take" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand take" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand take" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l as -d 'Who withdraws it; someone other than the offerer needs --force' -r
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand withdraw" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -f -a "add" -d 'Add a member: they join at the end of the rotation order'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -f -a "remove" -d 'Remove a member; the others keep their order'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and not __fish_seen_subcommand_from add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l from -d 'The change takes effect at the first handoff after this [default: now]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l from -d 'The change takes effect at the first handoff after this [default: now]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a member: they join at the end of the rotation order'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a member; the others keep their order'
complete -c oncall -n "__fish_oncall_using_subcommand roster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand undo" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand undo" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand undo" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand undo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand redo" -s m -l message -d 'Your own words for the commit message' -r
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l author -d 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]' -r
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l dry-run -d 'Show the change and its effect, write nothing'
complete -c oncall -n "__fish_oncall_using_subcommand redo" -s y -l yes -d 'Answer yes to any confirmation'
complete -c oncall -n "__fish_oncall_using_subcommand redo" -l force -d 'Allow changes that rewrite the past'
complete -c oncall -n "__fish_oncall_using_subcommand redo" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand history" -l limit -d 'At most this many commits' -r
complete -c oncall -n "__fish_oncall_using_subcommand history" -l horizon -d 'How far after each commit to compute its effect' -r
complete -c oncall -n "__fish_oncall_using_subcommand history" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand history" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand history" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand history" -l json -d 'Print JSON'
complete -c oncall -n "__fish_oncall_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand diff" -l horizon -d 'How far ahead from now to compare' -r
complete -c oncall -n "__fish_oncall_using_subcommand diff" -l format -d 'Output format' -r -f -a "human\t''
json\t''
markdown\t''"
complete -c oncall -n "__fish_oncall_using_subcommand diff" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand diff" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand diff" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -s h -l help -d 'Print help'
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -f -a "ics" -d 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -f -a "vcard" -d 'Export the paging service\'s numbers as a contact card (vCard 4.0)'
complete -c oncall -n "__fish_oncall_using_subcommand export; and not __fish_seen_subcommand_from ics vcard help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l person -d 'Only this person\'s shifts' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l from -d 'Start of the window [default: 15 days ago]' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l to -d 'End of the window [default: 180 days from now]' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l alarm -d 'A reminder this long before each shift, like 1h or 30m' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -s o -l output -d 'Write the calendar to this file instead of stdout' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l dir -d 'Write a static site: a feed per schedule, one per person, and index.html' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l base-url -d 'Where the --dir site will be published, for webcal:// links in index.html' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from ics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -s o -l output -d 'Write the card to FILE instead of stdout (replaced atomically)' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -l qr -d 'Print the card as a QR code for a phone\'s camera instead of as text'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from vcard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "ics" -d 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "vcard" -d 'Export the paging service\'s numbers as a contact card (vCard 4.0)'
complete -c oncall -n "__fish_oncall_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand completions" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand completions" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand completions" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand man" -l dir -d 'The folder to write the pages into, created if missing [default: the current directory]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand man" -l repo -d 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]' -r -F
complete -c oncall -n "__fish_oncall_using_subcommand man" -l color -d 'When to use colour; NO_COLOR in the environment turns `auto` off' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oncall -n "__fish_oncall_using_subcommand man" -l tz -d 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system\'s]' -r
complete -c oncall -n "__fish_oncall_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "who" -d 'Show who is on call now (or at --at) in every schedule, or those named'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "shifts" -d 'List the final shifts of a schedule: who is on call from when to when'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "schedules" -d 'List the schedules with their layers and overrides'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "people" -d 'List the people with their contact methods and schedules'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "validate" -d 'Check the schedule directory for errors, and for problems over time'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "init" -d 'Create a schedule directory in a new git repository'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "override" -d 'Put someone on call for a period, above every layer: a committed override'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "swap" -d 'Trade shifts: you take theirs and they take yours (two overrides, one commit)'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "offer" -d 'Put one of your shifts (or part of one) up for grabs'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "offers" -d 'List the open offers of the shift market'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "take" -d 'Take an offered shift: you are on call instead, as a committed override'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "withdraw" -d 'Withdraw an offer you made'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "roster" -d 'Change a layer\'s members without reshuffling the rotation'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "undo" -d 'Take back the latest change made with oncall (or REV), as a new commit'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "redo" -d 'Take back the latest undo, as a new commit'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "history" -d 'Show who changed what, when and why, with each change\'s effect'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "diff" -d 'Show where two revisions put different people on call'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "export" -d 'Export calendars (ICS) and contacts (vCard)'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "completions" -d 'Print the shell completion script for oncall'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "man" -d 'Write man pages for oncall and each of its commands'
complete -c oncall -n "__fish_oncall_using_subcommand help; and not __fish_seen_subcommand_from who shifts schedules people validate init override swap offer offers take withdraw roster undo redo history diff export completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oncall -n "__fish_oncall_using_subcommand help; and __fish_seen_subcommand_from roster" -f -a "add" -d 'Add a member: they join at the end of the rotation order'
complete -c oncall -n "__fish_oncall_using_subcommand help; and __fish_seen_subcommand_from roster" -f -a "remove" -d 'Remove a member; the others keep their order'
complete -c oncall -n "__fish_oncall_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "ics" -d 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
complete -c oncall -n "__fish_oncall_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "vcard" -d 'Export the paging service\'s numbers as a contact card (vCard 4.0)'
