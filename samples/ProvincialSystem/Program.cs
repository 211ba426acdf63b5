// A provincial system that keeps its roster in SQLite embeds Pairing.Core: it registers the library, reads the
// roster from its own tables, plans in July, matches in September, writes the pairs back and checks them, then
// validates the year's activities and files the compliance report.
// Usage: ProvincialSystem [database file] [Xinjiang students to generate when the tables are empty]
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pairing.Core;
using Pairing.Core.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Reference;
using Pairing.Core.Rosters;
using Pairing.Core.Files.Compliance;
using Pairing.Core.Findings;

var databaseFile = args.Length > 0 ? args[0] : "province.db";
var generate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;

using var db = new SqliteConnection($"Data Source={databaseFile}");
db.Open();
Database.CreateTables(db);
if (Database.Count(db, "students") == 0)
{
    // A real system has these rows already; here a synthetic roster fills them.
    Database.Fill(db, RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = generate }));
}

// 1. Register once, at start-up: the matcher, the support map and the options. A host checks the options when it
//    starts; here the first resolution of the matcher does, and lists every bad option at once.
using var services = new ServiceCollection()
    .AddPairing(options =>
    {
        options.SameGenderWeight = 4;
        options.CloseBirthYearWeight = 1;
    })
    .BuildServiceProvider();
var matcher = services.GetRequiredService<IPairingMatcher>();
var activityValidator = services.GetRequiredService<IActivityValidator>();
var supportMap = services.GetRequiredService<SupportMap>();
var pairingOptions = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PairingOptions>>().Value;

// 2. By 31 July (S3): plan county and school pairs on class sizes; no student is named yet.
var counts = Database.ReadRoster(db, supportMap, withStudents: false);
var plan = matcher.Plan(counts);
Console.WriteLine($"plan: {plan.CountyPairs.Count} county pairs, {plan.SchoolPairs.Count} school pairs, {plan.Unpaired.Count} unpaired");

// 3. After the term starts (S4): pair classes and students, keeping the plan's county and school pairs.
var roster = Database.ReadRoster(db, supportMap, withStudents: true);
var result = matcher.Match(roster, plan);

// 4. Write the pairs back, and 5. check them with the independent checker before anyone files them.
Database.WritePairs(db, result);
// The checker takes the options the result must have been made with, never the result's own claim.
var check = PairingResultChecker.Check(roster, result, pairingOptions);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rows: county_pairs={Database.Count(db, "county_pairs")} school_pairs={Database.Count(db, "school_pairs")} class_pairs={Database.Count(db, "class_pairs")} student_pairs={Database.Count(db, "student_pairs")} unpaired={Database.Count(db, "unpaired")}"));
Console.WriteLine($"check: {check}");
if (!check.IsValid)
{
    return 1;
}

// 6. By the end of the school year (A1–A6): validate the activity records and file the report (备案). A real system
//    collects the records through the year; here the generator writes a realistic year of them.
var records = ActivityLogGenerator.Generate(roster, result, new ActivityLogGeneratorOptions { Seed = 1, SchoolYear = 2014 });
var report = activityValidator.Validate(roster, result, records, asOf: new DateOnly(2015, 6, 30));
var reportFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!, "report");
ComplianceReportFiles.Write(report, reportFolder);
var programme = report.Programme;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"activities: {programme.Pairs} pairs, A1 {programme.A1Completed}, A2 {programme.A2Completed}, A3 {programme.A3Completed}; report in {reportFolder}"));
return 0;

/// <summary>The provincial system's own tables, and how its rows become a roster and its pairs become rows.</summary>
internal static class Database
{
    public static void CreateTables(SqliteConnection db) => Execute(db, """
        CREATE TABLE IF NOT EXISTS counties (county_id TEXT PRIMARY KEY, name TEXT NOT NULL, side TEXT NOT NULL, unit TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS schools (school_id TEXT PRIMARY KEY, county_id TEXT NOT NULL REFERENCES counties, name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS classes (class_id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES schools, grade INTEGER NOT NULL, size INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS students (student_id TEXT PRIMARY KEY, class_id TEXT NOT NULL REFERENCES classes, gender TEXT NOT NULL, birth_year INTEGER);
        CREATE TABLE IF NOT EXISTS county_pairs (xinjiang_county_id TEXT PRIMARY KEY, inland_county_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS school_pairs (xinjiang_school_id TEXT PRIMARY KEY, inland_school_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS class_pairs (xinjiang_class_id TEXT PRIMARY KEY, inland_class_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS student_pairs (xinjiang_student_id TEXT PRIMARY KEY, inland_student_id TEXT NOT NULL UNIQUE, cross_class INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS unpaired (level TEXT NOT NULL, id TEXT NOT NULL, rule TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (level, id));
        """);

    /// <summary>Reads the tables into a roster: class sizes only for planning, named students for matching.</summary>
    public static Roster ReadRoster(SqliteConnection db, SupportMap supportMap, bool withStudents)
    {
        var builder = new RosterBuilder(supportMap);
        foreach (var r in Rows(db, "SELECT county_id, name, side, unit FROM counties"))
        {
            var side = r.GetString(2) == "xinjiang" ? Side.Xinjiang : Side.Inland;
            builder.AddCounty(new County(new CountyId(r.GetString(0)), r.GetString(1), side, r.GetString(3)));
        }

        foreach (var r in Rows(db, "SELECT school_id, county_id, name FROM schools"))
        {
            builder.AddSchool(new School(new SchoolId(r.GetString(0)), new CountyId(r.GetString(1)), r.GetString(2)));
        }

        foreach (var r in Rows(db, "SELECT class_id, school_id, grade, size FROM classes"))
        {
            int? size = withStudents ? null : r.GetInt32(3);
            builder.AddClass(new ClassId(r.GetString(0)), new SchoolId(r.GetString(1)), new Grade(r.GetInt32(2)), size);
        }

        if (withStudents)
        {
            foreach (var r in Rows(db, "SELECT student_id, class_id, gender, birth_year FROM students"))
            {
                var gender = r.GetString(2) switch { "F" => Gender.Female, "M" => Gender.Male, _ => Gender.Unknown };
                int? birthYear = r.IsDBNull(3) ? null : r.GetInt32(3);
                builder.AddStudent(new Student(new StudentId(r.GetString(0)), new ClassId(r.GetString(1)), gender, birthYear));
            }
        }

        // Every problem in the rows is listed at once; a real system would show them to whoever keeps the data.
        var built = builder.Build();
        if (!built.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, built.Errors.Select(p => FindingRenderer.Default.RenderLine(p))));
        }

        return built.Value!;
    }

    /// <summary>Replaces the pair tables with a result's pairs and unpaired units, in one transaction.</summary>
    public static void WritePairs(SqliteConnection db, PairingResult result)
    {
        using var tx = db.BeginTransaction();
        Execute(db, "DELETE FROM county_pairs; DELETE FROM school_pairs; DELETE FROM class_pairs; DELETE FROM student_pairs; DELETE FROM unpaired;", tx);
        Insert(db, tx, "county_pairs", result.CountyPairs.Select(p => new object[] { p.Xinjiang.Value, p.Inland.Value }));
        Insert(db, tx, "school_pairs", result.SchoolPairs.Select(p => new object[] { p.Xinjiang.Value, p.Inland.Value }));
        Insert(db, tx, "class_pairs", result.ClassPairs.Select(p => new object[] { p.Xinjiang.Value, p.Inland.Value }));
        Insert(db, tx, "student_pairs", result.StudentPairs.Select(p => new object[] { p.Xinjiang.Value, p.Inland.Value, p.CrossClass ? 1 : 0 }));
        Insert(db, tx, "unpaired", result.Unpaired.Select(u => new object[] { u.Level.ToString(), u.Id, u.Rule.ToString(), u.Reason }));
        tx.Commit();
    }

    /// <summary>Fills the roster tables from a roster (for the sample only).</summary>
    public static void Fill(SqliteConnection db, Roster roster)
    {
        using var tx = db.BeginTransaction();
        Insert(db, tx, "counties", roster.Counties.Select(c => new object[] { c.Id.Value, c.Name, c.Side == Side.Xinjiang ? "xinjiang" : "inland", c.Unit }));
        Insert(db, tx, "schools", roster.Schools.Select(s => new object[] { s.Id.Value, s.CountyId.Value, s.Name }));
        Insert(db, tx, "classes", roster.Classes.Select(c => new object[] { c.Id.Value, c.SchoolId.Value, c.Grade.Number, c.Size }));
        Insert(db, tx, "students", roster.Students.Select(s => new object[]
        {
            s.Id.Value, s.ClassId.Value, s.Gender switch { Gender.Female => "F", Gender.Male => "M", _ => "" }, s.BirthYear is { } y ? y : DBNull.Value,
        }));
        tx.Commit();
    }

    public static long Count(SqliteConnection db, string table)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static IEnumerable<SqliteDataReader> Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader;
        }
    }

    private static void Execute(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts rows with one prepared command, its parameters reused row after row.</summary>
    private static void Insert(SqliteConnection db, SqliteTransaction tx, string table, IEnumerable<object[]> rows)
    {
        using var command = db.CreateCommand();
        command.Transaction = tx;
        SqliteParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = [.. Enumerable.Range(0, row.Length).Select(i => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i }))];
                command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
            }

            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
        }
    }
}
