
use builtin;
use str;

set edit:completion:arg-completer[oncall] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'oncall'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'oncall'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand who 'Show who is on call now (or at --at) in every schedule, or those named'
            cand shifts 'List the final shifts of a schedule: who is on call from when to when'
            cand schedules 'List the schedules with their layers and overrides'
            cand people 'List the people with their contact methods and schedules'
            cand validate 'Check the schedule directory for errors, and for problems over time'
            cand init 'Create a schedule directory in a new git repository'
            cand override 'Put someone on call for a period, above every layer: a committed override'
            cand swap 'Trade shifts: you take theirs and they take yours (two overrides, one commit)'
            cand offer 'Put one of your shifts (or part of one) up for grabs'
            cand offers 'List the open offers of the shift market'
            cand take 'Take an offered shift: you are on call instead, as a committed override'
            cand withdraw 'Withdraw an offer you made'
            cand roster 'Change a layer''s members without reshuffling the rotation'
            cand undo 'Take back the latest change made with oncall (or REV), as a new commit'
            cand redo 'Take back the latest undo, as a new commit'
            cand history 'Show who changed what, when and why, with each change''s effect'
            cand diff 'Show where two revisions put different people on call'
            cand export 'Export calendars (ICS) and contacts (vCard)'
            cand completions 'Print the shell completion script for oncall'
            cand man 'Write man pages for oncall and each of its commands'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;who'= {
            cand --at 'The instant to ask about [default: now]'
            cand --rev 'Read the schedules as they were at this git revision (time travel)'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --json 'Print JSON: [{"schedule", "person", "start", "end"}, ...]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;shifts'= {
            cand --from 'Start of the window [default: now]'
            cand --to 'End of the window [default: 14 days after --from]'
            cand --person 'Only this person''s shifts'
            cand --rev 'Read the schedules as they were at this git revision (time travel)'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --json 'Print JSON: [{"person", "start", "end"}, ...]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;schedules'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --json 'Print JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;people'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --json 'Print JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;validate'= {
            cand --horizon 'How far ahead from now to look for gaps and other problems in time'
            cand --format 'Output format'
            cand --rev 'Check the directory as it was at this git revision'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --strict 'Treat warnings as errors (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;init'= {
            cand --timezone 'The default timezone of the schedules [default: --tz, TZ or the system''s]'
            cand --people 'Handles of the first people, comma-separated (a weekly rotation of them is created)'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --example 'Write a small working example'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;override'= {
            cand --who 'Who is on call'
            cand --from 'Start of the override'
            cand --to 'End of the override (exclusive)'
            cand --reason 'Why (kept in the file and the commit)'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;swap'= {
            cand --as 'Whose "mine" [default: ONCALL_USER, else the person with git''s user.email]'
            cand --with 'The partner [default: whoever holds the shift on --theirs]'
            cand --mine 'A date on which you hold the shift to give away'
            cand --theirs 'A date on which your partner holds the shift you take'
            cand --from 'Start of the part of your shift to give away'
            cand --to 'End of the part of your shift to give away'
            cand --theirs-from 'Start of the part of their shift you take'
            cand --theirs-to 'End of the part of their shift you take'
            cand --reason 'Why (kept in the file and the commit)'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;offer'= {
            cand --shift 'A date on which you hold the shift to offer'
            cand --from 'Start of the part of your shift to offer'
            cand --to 'End of the part of your shift to offer'
            cand --as 'Whose shift [default: ONCALL_USER, else the person with git''s user.email]'
            cand --note 'A note for whoever takes it'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;offers'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --all 'Include offers whose time is over'
            cand --json 'Print JSON'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;take'= {
            cand --as 'Who takes it [default: ONCALL_USER, else the person with git''s user.email]'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;withdraw'= {
            cand --as 'Who withdraws it; someone other than the offerer needs --force'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;roster'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a member: they join at the end of the rotation order'
            cand remove 'Remove a member; the others keep their order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;roster;add'= {
            cand --from 'The change takes effect at the first handoff after this [default: now]'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;roster;remove'= {
            cand --from 'The change takes effect at the first handoff after this [default: now]'
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;roster;help'= {
            cand add 'Add a member: they join at the end of the rotation order'
            cand remove 'Remove a member; the others keep their order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;roster;help;add'= {
        }
        &'oncall;roster;help;remove'= {
        }
        &'oncall;roster;help;help'= {
        }
        &'oncall;undo'= {
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;redo'= {
            cand -m 'Your own words for the commit message'
            cand --message 'Your own words for the commit message'
            cand --author 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --dry-run 'Show the change and its effect, write nothing'
            cand -y 'Answer yes to any confirmation'
            cand --yes 'Answer yes to any confirmation'
            cand --force 'Allow changes that rewrite the past'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'oncall;history'= {
            cand --limit 'At most this many commits'
            cand --horizon 'How far after each commit to compute its effect'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --json 'Print JSON'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;diff'= {
            cand --horizon 'How far ahead from now to compare'
            cand --format 'Output format'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;export'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand ics 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
            cand vcard 'Export the paging service''s numbers as a contact card (vCard 4.0)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;export;ics'= {
            cand --person 'Only this person''s shifts'
            cand --from 'Start of the window [default: 15 days ago]'
            cand --to 'End of the window [default: 180 days from now]'
            cand --alarm 'A reminder this long before each shift, like 1h or 30m'
            cand -o 'Write the calendar to this file instead of stdout'
            cand --output 'Write the calendar to this file instead of stdout'
            cand --dir 'Write a static site: a feed per schedule, one per person, and index.html'
            cand --base-url 'Where the --dir site will be published, for webcal:// links in index.html'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;export;vcard'= {
            cand -o 'Write the card to FILE instead of stdout (replaced atomically)'
            cand --output 'Write the card to FILE instead of stdout (replaced atomically)'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand --qr 'Print the card as a QR code for a phone''s camera instead of as text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;export;help'= {
            cand ics 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
            cand vcard 'Export the paging service''s numbers as a contact card (vCard 4.0)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;export;help;ics'= {
        }
        &'oncall;export;help;vcard'= {
        }
        &'oncall;export;help;help'= {
        }
        &'oncall;completions'= {
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;man'= {
            cand --dir 'The folder to write the pages into, created if missing [default: the current directory]'
            cand --repo 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]'
            cand --color 'When to use colour; NO_COLOR in the environment turns `auto` off'
            cand --tz 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'oncall;help'= {
            cand who 'Show who is on call now (or at --at) in every schedule, or those named'
            cand shifts 'List the final shifts of a schedule: who is on call from when to when'
            cand schedules 'List the schedules with their layers and overrides'
            cand people 'List the people with their contact methods and schedules'
            cand validate 'Check the schedule directory for errors, and for problems over time'
            cand init 'Create a schedule directory in a new git repository'
            cand override 'Put someone on call for a period, above every layer: a committed override'
            cand swap 'Trade shifts: you take theirs and they take yours (two overrides, one commit)'
            cand offer 'Put one of your shifts (or part of one) up for grabs'
            cand offers 'List the open offers of the shift market'
            cand take 'Take an offered shift: you are on call instead, as a committed override'
            cand withdraw 'Withdraw an offer you made'
            cand roster 'Change a layer''s members without reshuffling the rotation'
            cand undo 'Take back the latest change made with oncall (or REV), as a new commit'
            cand redo 'Take back the latest undo, as a new commit'
            cand history 'Show who changed what, when and why, with each change''s effect'
            cand diff 'Show where two revisions put different people on call'
            cand export 'Export calendars (ICS) and contacts (vCard)'
            cand completions 'Print the shell completion script for oncall'
            cand man 'Write man pages for oncall and each of its commands'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oncall;help;who'= {
        }
        &'oncall;help;shifts'= {
        }
        &'oncall;help;schedules'= {
        }
        &'oncall;help;people'= {
        }
        &'oncall;help;validate'= {
        }
        &'oncall;help;init'= {
        }
        &'oncall;help;override'= {
        }
        &'oncall;help;swap'= {
        }
        &'oncall;help;offer'= {
        }
        &'oncall;help;offers'= {
        }
        &'oncall;help;take'= {
        }
        &'oncall;help;withdraw'= {
        }
        &'oncall;help;roster'= {
            cand add 'Add a member: they join at the end of the rotation order'
            cand remove 'Remove a member; the others keep their order'
        }
        &'oncall;help;roster;add'= {
        }
        &'oncall;help;roster;remove'= {
        }
        &'oncall;help;undo'= {
        }
        &'oncall;help;redo'= {
        }
        &'oncall;help;history'= {
        }
        &'oncall;help;diff'= {
        }
        &'oncall;help;export'= {
            cand ics 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to'
            cand vcard 'Export the paging service''s numbers as a contact card (vCard 4.0)'
        }
        &'oncall;help;export;ics'= {
        }
        &'oncall;help;export;vcard'= {
        }
        &'oncall;help;completions'= {
        }
        &'oncall;help;man'= {
        }
        &'oncall;help;help'= {
        }
    ]
    $completions[$command]
}
