
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'oncall' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'oncall'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'oncall' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('who', 'who', [CompletionResultType]::ParameterValue, 'Show who is on call now (or at --at) in every schedule, or those named')
            [CompletionResult]::new('shifts', 'shifts', [CompletionResultType]::ParameterValue, 'List the final shifts of a schedule: who is on call from when to when')
            [CompletionResult]::new('schedules', 'schedules', [CompletionResultType]::ParameterValue, 'List the schedules with their layers and overrides')
            [CompletionResult]::new('people', 'people', [CompletionResultType]::ParameterValue, 'List the people with their contact methods and schedules')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check the schedule directory for errors, and for problems over time')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a schedule directory in a new git repository')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Put someone on call for a period, above every layer: a committed override')
            [CompletionResult]::new('swap', 'swap', [CompletionResultType]::ParameterValue, 'Trade shifts: you take theirs and they take yours (two overrides, one commit)')
            [CompletionResult]::new('offer', 'offer', [CompletionResultType]::ParameterValue, 'Put one of your shifts (or part of one) up for grabs')
            [CompletionResult]::new('offers', 'offers', [CompletionResultType]::ParameterValue, 'List the open offers of the shift market')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Take an offered shift: you are on call instead, as a committed override')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Withdraw an offer you made')
            [CompletionResult]::new('roster', 'roster', [CompletionResultType]::ParameterValue, 'Change a layer''s members without reshuffling the rotation')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Take back the latest change made with oncall (or REV), as a new commit')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Take back the latest undo, as a new commit')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show who changed what, when and why, with each change''s effect')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show where two revisions put different people on call')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export calendars (ICS) and contacts (vCard)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for oncall')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for oncall and each of its commands')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;who' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The instant to ask about [default: now]')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read the schedules as they were at this git revision (time travel)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: [{"schedule", "person", "start", "end"}, ...]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;shifts' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start of the window [default: now]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the window [default: 14 days after --from]')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s shifts')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Read the schedules as they were at this git revision (time travel)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: [{"person", "start", "end"}, ...]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;schedules' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;people' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;validate' {
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'How far ahead from now to look for gaps and other problems in time')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'Check the directory as it was at this git revision')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as errors (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;init' {
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'The default timezone of the schedules [default: --tz, TZ or the system''s]')
            [CompletionResult]::new('--people', '--people', [CompletionResultType]::ParameterName, 'Handles of the first people, comma-separated (a weekly rotation of them is created)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--example', '--example', [CompletionResultType]::ParameterName, 'Write a small working example')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;override' {
            [CompletionResult]::new('--who', '--who', [CompletionResultType]::ParameterName, 'Who is on call')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start of the override')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the override (exclusive)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the file and the commit)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;swap' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Whose "mine" [default: ONCALL_USER, else the person with git''s user.email]')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'The partner [default: whoever holds the shift on --theirs]')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'A date on which you hold the shift to give away')
            [CompletionResult]::new('--theirs', '--theirs', [CompletionResultType]::ParameterName, 'A date on which your partner holds the shift you take')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start of the part of your shift to give away')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the part of your shift to give away')
            [CompletionResult]::new('--theirs-from', '--theirs-from', [CompletionResultType]::ParameterName, 'Start of the part of their shift you take')
            [CompletionResult]::new('--theirs-to', '--theirs-to', [CompletionResultType]::ParameterName, 'End of the part of their shift you take')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the file and the commit)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;offer' {
            [CompletionResult]::new('--shift', '--shift', [CompletionResultType]::ParameterName, 'A date on which you hold the shift to offer')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start of the part of your shift to offer')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the part of your shift to offer')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Whose shift [default: ONCALL_USER, else the person with git''s user.email]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note for whoever takes it')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;offers' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include offers whose time is over')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;take' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Who takes it [default: ONCALL_USER, else the person with git''s user.email]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;withdraw' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Who withdraws it; someone other than the offerer needs --force')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;roster' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member: they join at the end of the rotation order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member; the others keep their order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;roster;add' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The change takes effect at the first handoff after this [default: now]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;roster;remove' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The change takes effect at the first handoff after this [default: now]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;roster;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member: they join at the end of the rotation order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member; the others keep their order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;roster;help;add' {
            break
        }
        'oncall;roster;help;remove' {
            break
        }
        'oncall;roster;help;help' {
            break
        }
        'oncall;undo' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;redo' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Your own words for the commit message')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the change and its effect, write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to any confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow changes that rewrite the past')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'oncall;history' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many commits')
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'How far after each commit to compute its effect')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;diff' {
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'How far ahead from now to compare')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;export' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to')
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export the paging service''s numbers as a contact card (vCard 4.0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;export;ics' {
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s shifts')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start of the window [default: 15 days ago]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the window [default: 180 days from now]')
            [CompletionResult]::new('--alarm', '--alarm', [CompletionResultType]::ParameterName, 'A reminder this long before each shift, like 1h or 30m')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the calendar to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the calendar to this file instead of stdout')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write a static site: a feed per schedule, one per person, and index.html')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Where the --dir site will be published, for webcal:// links in index.html')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;export;vcard' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the card to FILE instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the card to FILE instead of stdout (replaced atomically)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('--qr', '--qr', [CompletionResultType]::ParameterName, 'Print the card as a QR code for a phone''s camera instead of as text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;export;help' {
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to')
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export the paging service''s numbers as a contact card (vCard 4.0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;export;help;ics' {
            break
        }
        'oncall;export;help;vcard' {
            break
        }
        'oncall;export;help;help' {
            break
        }
        'oncall;completions' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The folder to write the pages into, created if missing [default: the current directory]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The schedule directory [default: the nearest folder, from here up, holding people.toml or schedules/people.toml]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR in the environment turns `auto` off')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Timezone to show times in and to read local TIMEs in [default: TZ, else the system''s]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'oncall;help' {
            [CompletionResult]::new('who', 'who', [CompletionResultType]::ParameterValue, 'Show who is on call now (or at --at) in every schedule, or those named')
            [CompletionResult]::new('shifts', 'shifts', [CompletionResultType]::ParameterValue, 'List the final shifts of a schedule: who is on call from when to when')
            [CompletionResult]::new('schedules', 'schedules', [CompletionResultType]::ParameterValue, 'List the schedules with their layers and overrides')
            [CompletionResult]::new('people', 'people', [CompletionResultType]::ParameterValue, 'List the people with their contact methods and schedules')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check the schedule directory for errors, and for problems over time')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a schedule directory in a new git repository')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Put someone on call for a period, above every layer: a committed override')
            [CompletionResult]::new('swap', 'swap', [CompletionResultType]::ParameterValue, 'Trade shifts: you take theirs and they take yours (two overrides, one commit)')
            [CompletionResult]::new('offer', 'offer', [CompletionResultType]::ParameterValue, 'Put one of your shifts (or part of one) up for grabs')
            [CompletionResult]::new('offers', 'offers', [CompletionResultType]::ParameterValue, 'List the open offers of the shift market')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Take an offered shift: you are on call instead, as a committed override')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Withdraw an offer you made')
            [CompletionResult]::new('roster', 'roster', [CompletionResultType]::ParameterValue, 'Change a layer''s members without reshuffling the rotation')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Take back the latest change made with oncall (or REV), as a new commit')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Take back the latest undo, as a new commit')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show who changed what, when and why, with each change''s effect')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show where two revisions put different people on call')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export calendars (ICS) and contacts (vCard)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for oncall')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for oncall and each of its commands')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oncall;help;who' {
            break
        }
        'oncall;help;shifts' {
            break
        }
        'oncall;help;schedules' {
            break
        }
        'oncall;help;people' {
            break
        }
        'oncall;help;validate' {
            break
        }
        'oncall;help;init' {
            break
        }
        'oncall;help;override' {
            break
        }
        'oncall;help;swap' {
            break
        }
        'oncall;help;offer' {
            break
        }
        'oncall;help;offers' {
            break
        }
        'oncall;help;take' {
            break
        }
        'oncall;help;withdraw' {
            break
        }
        'oncall;help;roster' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member: they join at the end of the rotation order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a member; the others keep their order')
            break
        }
        'oncall;help;roster;add' {
            break
        }
        'oncall;help;roster;remove' {
            break
        }
        'oncall;help;undo' {
            break
        }
        'oncall;help;redo' {
            break
        }
        'oncall;help;history' {
            break
        }
        'oncall;help;diff' {
            break
        }
        'oncall;help;export' {
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of feeds to publish for phones to subscribe to')
            [CompletionResult]::new('vcard', 'vcard', [CompletionResultType]::ParameterValue, 'Export the paging service''s numbers as a contact card (vCard 4.0)')
            break
        }
        'oncall;help;export;ics' {
            break
        }
        'oncall;help;export;vcard' {
            break
        }
        'oncall;help;completions' {
            break
        }
        'oncall;help;man' {
            break
        }
        'oncall;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
