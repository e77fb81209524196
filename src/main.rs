fn main() -> std::process::ExitCode {
    oncall::run()
}
