namespace Pairing.Core.Hierarchy;

/// <summary>The four levels at which the programme pairs units, top to bottom.</summary>
public enum PairingLevel
{
    /// <summary>County league committees (县级团委); written <c>county</c> in the files.</summary>
    County = 1,

    /// <summary>Middle schools (中学); written <c>school</c>.</summary>
    School = 2,

    /// <summary>Classes (班级); written <c>class</c>.</summary>
    Class = 3,

    /// <summary>Students (中学生); written <c>student</c>.</summary>
    Student = 4,
}
