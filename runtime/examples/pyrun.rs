//! Development helper (R4): runs a Python file through the frontend and the runtime's
//! interpreter: `cargo run --release -p pyrt --example pyrun -- file.py [args...]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pyrun file.py [args...]");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(path).expect("cannot read source");
    pyrt::modules::pyrt_enable_all_native_modules();
    pyrt::types::pyrt_enable_all_methods();
    pyrt::interp::pyrt_enable_interp();
    pyrt::abi::init_runtime(args.clone());
    let m = match pyc_frontend::compile_module(&src, path, "__main__") {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{}", e);
            std::process::exit(1);
        }
    };
    let st = pyrt::abi::run_program(pyc_frontend::bytecode::Program { modules: vec![m] }, &[]);
    std::process::exit(st);
}
