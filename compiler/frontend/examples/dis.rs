//! Developer tool: `cargo run -p pyc-frontend --example dis -- file.py` prints the
//! disassembly of a file (or of `-c 'source'`) and any stack-analysis problems.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (src, name) = if args.len() > 2 && args[1] == "-c" {
        (args[2].clone(), "<string>".to_string())
    } else {
        (std::fs::read_to_string(&args[1]).expect("read"), args[1].clone())
    };
    match pyc_frontend::compile(&src, &name, pyc_frontend::Mode::Exec) {
        Ok(code) => {
            print!("{}", pyc_frontend::disassemble(&code));
            code.walk(&mut |c| {
                if let Err(e) = pyc_frontend::verify_stack(c) {
                    println!("STACK PROBLEMS in {}: {:?}", c.qualname, e);
                }
            });
        }
        Err(e) => println!("{}: {} ({}:{}-{}:{}) {:?}", e.kind, e.msg, e.line, e.col, e.end_line, e.end_col, e.range),
    }
}
